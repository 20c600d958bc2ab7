//! Picking a roadmap text in the user's language.

use super::Text;
use crate::i18n::Lang;

impl Text {
    /// The text in `lang`; else English; else the first translation given.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Localized(translations) => {
                let find = |code: &str| {
                    translations
                        .iter()
                        .find(|(key, _)| key == code)
                        .map(|(_, text)| text.as_ref())
                };
                find(lang.code())
                    .or_else(|| find(Lang::En.code()))
                    .or_else(|| translations.first().map(|(_, text)| text.as_ref()))
                    .unwrap_or_default()
            }
        }
    }
}
