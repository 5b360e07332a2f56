//! Which way of drawing the window is tried first, and which next if it fails.
//!
//! Two renderers are built in. `wgpu` draws with Direct3D 12 on Windows — which every
//! Windows 10/11 machine has, with Microsoft's software rasteriser (WARP) where there is no
//! graphics card, as on most virtual desktops (Citrix, Azure Virtual Desktop, RDP) — or
//! with Vulkan, or OpenGL through its own layer. `glow` draws with OpenGL 2 or later, which
//! Linux desktops have through Mesa but virtual desktops often do not (only OpenGL 1.1).
//! Windows tries `wgpu` first and falls back to `glow`; Linux tries `glow` first (it
//! starts sooner and uses less memory on Mesa: see the README) and falls back to `wgpu`.
//! The environment variable `CSP_ASSESSMENT_RENDERER` (`wgpu`, `glow`, or both in the
//! order wanted, e.g. `glow,wgpu`) overrides the order, for a machine whose first choice
//! misbehaves without failing.

/// The environment variable that overrides the order.
pub const RENDERER_VARIABLE: &str = "CSP_ASSESSMENT_RENDERER";

/// One way of drawing the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    Wgpu,
    Glow,
}

impl Renderer {
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Wgpu => "wgpu",
            Renderer::Glow => "glow",
        }
    }

    /// What it draws with, in words for the message shown when nothing works.
    pub fn described(self) -> &'static str {
        match self {
            Renderer::Wgpu => {
                if cfg!(windows) {
                    "Direct3D 12 or Vulkan (wgpu)"
                } else {
                    "Vulkan or OpenGL ES (wgpu)"
                }
            }
            Renderer::Glow => "OpenGL 2 or later (glow)",
        }
    }

    pub fn to_eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        }
    }
}

/// The renderers to try, in order: the platform's default, or the override.
pub fn renderer_order() -> Result<Vec<Renderer>, String> {
    match std::env::var(RENDERER_VARIABLE) {
        Ok(value) if !value.trim().is_empty() => parse_order(&value),
        _ => Ok(default_order().to_vec()),
    }
}

fn default_order() -> [Renderer; 2] {
    if cfg!(windows) {
        [Renderer::Wgpu, Renderer::Glow]
    } else {
        [Renderer::Glow, Renderer::Wgpu]
    }
}

/// `wgpu`, `glow`, or a comma-separated order of both.
fn parse_order(value: &str) -> Result<Vec<Renderer>, String> {
    let mut order = Vec::new();
    for word in value.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        let renderer = match word.to_ascii_lowercase().as_str() {
            "wgpu" => Renderer::Wgpu,
            "glow" | "opengl" => Renderer::Glow,
            _ => {
                return Err(format!(
                    "{RENDERER_VARIABLE} is set to \"{value}\", but \"{word}\" is not a renderer: use wgpu, glow, or both in order (glow,wgpu)"
                ))
            }
        };
        if !order.contains(&renderer) {
            order.push(renderer);
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_gives_one_renderer_or_an_order() {
        assert_eq!(parse_order("glow"), Ok(vec![Renderer::Glow]));
        assert_eq!(
            parse_order(" WGPU , glow,wgpu"),
            Ok(vec![Renderer::Wgpu, Renderer::Glow])
        );
        let why = parse_order("directx").unwrap_err();
        assert!(why.contains("\"directx\" is not a renderer"), "{why}");
    }

    #[test]
    fn both_renderers_are_tried_by_default() {
        let order = default_order();
        assert!(order.contains(&Renderer::Wgpu) && order.contains(&Renderer::Glow));
    }
}
