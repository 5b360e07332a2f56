//! The hint painted over the whole window while files are dragged over it.

use egui::{Align2, Color32, FontId, Id, LayerId, Order};

pub fn drop_overlay_ui(ctx: &egui::Context, can_import: bool) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let text = if can_import {
        "Drop police.uk files, folders or zips to import them"
    } else {
        "Open or create an assessment file before importing"
    };
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop_overlay")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(150));
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        FontId::proportional(22.0),
        Color32::WHITE,
    );
}
