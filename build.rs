//! Build script: for a Windows build, puts into the `.exe`'s resources its version
//! information (from Cargo.toml, shown in Explorer's Properties → Details), the icon
//! (`assets/csp-assessment.ico`, drawn by `assets/make-icon.sh`) and the manifest
//! (`assets/csp-assessment.manifest`: runs without administrator rights). Resources are
//! compiled with mingw's `windres` (Debian's `gcc-mingw-w64-x86-64` brings it). Other
//! targets need nothing.

use std::env;

const ICON: &str = "assets/csp-assessment.ico";
const MANIFEST: &str = "assets/csp-assessment.manifest";

fn main() {
    println!("cargo:rerun-if-changed={ICON}");
    println!("cargo:rerun-if-changed={MANIFEST}");
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    for (binary, description) in [
        ("csp-assessment", "CSP Strategic Assessment"),
        (
            "csp-assessment-cli",
            "CSP Strategic Assessment (command line)",
        ),
    ] {
        let mut resource = winresource::WindowsResource::new();
        resource
            .set_icon(ICON)
            .set_manifest_file(MANIFEST)
            .set("ProductName", "CSP Strategic Assessment")
            .set("FileDescription", description)
            .set("OriginalFilename", &format!("{binary}.exe"))
            .set("InternalName", binary)
            .set(
                "Comments",
                "Prepares a Community Safety Partnership's annual strategic assessment, offline.",
            );
        if let Err(e) = resource.compile_for(binary) {
            // Without resources the .exe would still run, but show no version and no icon:
            // a packaging fault, so the build stops and says why.
            panic!("the Windows resources (icon, version, manifest) could not be compiled with windres: {e}");
        }
    }
}
