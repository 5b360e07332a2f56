//! One message to the analyst at the top of the page (an import cancelled, a file that
//! could not be opened), in their words, until they dismiss it.

use super::actions::Action;
use super::theme::{INFO_COLOUR, PROBLEM_COLOUR};
use egui::{Align, Layout, RichText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            tone: Tone::Info,
            text: text.into(),
        }
    }

    pub fn problem(text: impl Into<String>) -> Notice {
        Notice {
            tone: Tone::Problem,
            text: text.into(),
        }
    }
}

pub fn notice_ui(ui: &mut egui::Ui, notice: &Notice, actions: &mut Vec<Action>) {
    let colour = match notice.tone {
        Tone::Info => INFO_COLOUR,
        Tone::Problem => PROBLEM_COLOUR,
    };
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.08))
        .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.6)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui.button("Dismiss").clicked() {
                        actions.push(Action::DismissNotice);
                    }
                    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                        ui.add(egui::Label::new(RichText::new(&notice.text).color(colour)).wrap());
                    });
                });
            });
        });
    ui.add_space(8.0);
}
