//! Telling the analyst, without a window of our own, that the window could not be opened.
//!
//! A program started by double-clicking has no console, so a message printed there is never
//! seen. On Windows the message goes into a system message box (`MessageBoxW`, drawn by
//! Windows itself without OpenGL or Direct3D); on Linux it is printed to standard error and
//! shown with `zenity` or `xmessage` where one is installed. Both also print it, for a run
//! from a terminal.

/// Show `message` under `title` in a box the system draws, and print it to standard error.
pub fn show_error_box(title: &str, message: &str) {
    eprintln!("{title}: {message}");
    system_box(title, message);
}

#[cfg(windows)]
fn system_box(title: &str, message: &str) {
    const MB_OK: u32 = 0x0000_0000;
    const MB_ICONERROR: u32 = 0x0000_0010;
    const MB_SETFOREGROUND: u32 = 0x0001_0000;
    #[link(name = "user32")]
    extern "system" {
        fn MessageBoxW(
            window: *mut core::ffi::c_void,
            text: *const u16,
            caption: *const u16,
            kind: u32,
        ) -> i32;
    }
    let wide = |s: &str| -> Vec<u16> { s.encode_utf16().chain(std::iter::once(0)).collect() };
    let (text, caption) = (wide(message), wide(title));
    // SAFETY: both strings are NUL-terminated UTF-16 buffers that outlive the call; a null
    // owner window is allowed (the box belongs to no window). The box blocks until closed.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            caption.as_ptr(),
            MB_OK | MB_ICONERROR | MB_SETFOREGROUND,
        );
    }
}

#[cfg(not(windows))]
fn system_box(title: &str, message: &str) {
    use std::process::{Command, Stdio};
    let shown = |command: &mut Command| {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    let _ = shown(
        Command::new("zenity")
            .arg("--error")
            .arg("--no-markup")
            .arg(format!("--title={title}"))
            .arg(format!("--text={message}")),
    ) || shown(
        Command::new("xmessage")
            .args(["-center", "-title", title, "-buttons", "OK:0"])
            .arg(message),
    );
}
