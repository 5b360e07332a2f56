//! The look of the app: a light theme with roomier spacing, and the colours every chart
//! uses for the same series.

use egui::{Color32, FontFamily, FontId, TextStyle, Theme, Vec2};

/// Recorded crime, in every chart (blue and orange stay distinct for colour-blind readers).
pub const CRIME_COLOUR: Color32 = Color32::from_rgb(31, 95, 168);
/// Anti-social behaviour, in every chart.
pub const ASB_COLOUR: Color32 = Color32::from_rgb(222, 120, 0);
/// Good news (imported) and bad news (rejected, errors) in text and badges.
pub const SUCCESS_COLOUR: Color32 = Color32::from_rgb(26, 127, 55);
pub const PROBLEM_COLOUR: Color32 = Color32::from_rgb(180, 35, 24);
pub const INFO_COLOUR: Color32 = Color32::from_rgb(31, 95, 168);

pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(Theme::Light);
    ctx.style_mut_of(Theme::Light, |style| {
        for (text_style, size) in [
            (TextStyle::Heading, 17.0),
            (TextStyle::Body, 14.0),
            (TextStyle::Button, 14.0),
            (TextStyle::Small, 11.5),
            (TextStyle::Monospace, 13.0),
        ] {
            let family = if text_style == TextStyle::Monospace {
                FontFamily::Monospace
            } else {
                FontFamily::Proportional
            };
            style
                .text_styles
                .insert(text_style, FontId::new(size, family));
        }
        style.spacing.item_spacing = Vec2::new(8.0, 6.0);
        style.spacing.button_padding = Vec2::new(10.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        style.visuals.panel_fill = Color32::from_rgb(248, 249, 251);
        style.visuals.window_fill = Color32::WHITE;
        style.visuals.faint_bg_color = Color32::from_rgb(243, 245, 248);
        style.visuals.striped = true;
    });
}
