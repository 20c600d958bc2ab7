//! Roadmap text that is either one plain string or a translation per language.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::i18n::Lang;

/// A text field of a roadmap: `title: Plain words` or `title: {id: ..., en: ...}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same words in every language.
    Plain(String),
    /// Words per language code, in the order the file gives them.
    Localized(Vec<(String, String)>),
}

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
                        .map(|(_, text)| text.as_str())
                };
                find(lang.code())
                    .or_else(|| find(Lang::En.code()))
                    .or_else(|| translations.first().map(|(_, text)| text.as_str()))
                    .unwrap_or_default()
            }
        }
    }

    /// The translation for exactly this language code, if any.
    pub fn translation(&self, code: &str) -> Option<&str> {
        match self {
            Text::Plain(text) => Some(text),
            Text::Localized(translations) => translations
                .iter()
                .find(|(key, _)| key == code)
                .map(|(_, text)| text.as_str()),
        }
    }

    /// Every translation given, plain text counting as one.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Localized(translations) => translations.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, or a map of language code to string (id: ..., en: ...)")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text::Plain(value.to_string()))
            }

            // A title such as `2024` or `true` is still text to the author.
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Text, E> {
                Ok(Text::Plain(value.to_string()))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
                Ok(Text::Plain(value.to_string()))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
                Ok(Text::Plain(value.to_string()))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Text, E> {
                Ok(Text::Plain(value.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut translations: Vec<(String, String)> = Vec::new();
                while let Some((code, text)) = map.next_entry::<String, String>()? {
                    if translations.iter().any(|(known, _)| *known == code) {
                        return Err(de::Error::custom(format!(
                            "the language `{code}` is given twice"
                        )));
                    }
                    translations.push((code, text));
                }
                Ok(Text::Localized(translations))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}
