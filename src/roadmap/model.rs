//! The roadmap's data model and its serde forms, with no other dependency.
//!
//! This file is also compiled into the build script (`build.rs`), which
//! turns the built-in roadmap into Rust code so it is never parsed at run
//! time; keeping it free of `crate::` paths is what makes that possible.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A string of a roadmap: owned when parsed from a file, borrowed from the
/// binary for the built-in roadmap, which is then built without allocating.
pub(crate) type Str = Cow<'static, str>;

/// A list of a roadmap, owned or borrowed like [`Str`].
pub(crate) type List<T> = Cow<'static, [T]>;

/// A roadmap as written in its YAML file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// Stable identifier: progress is stored under it.
    pub id: Str,
    /// Raised by the author when steps are added or removed.
    pub version: u32,
    /// The languages every text is expected to have, e.g. `[id, en]`.
    #[serde(default)]
    pub languages: List<Str>,
    pub title: Text,
    #[serde(default)]
    pub introduction: Option<Text>,
    #[serde(default)]
    pub closing: Option<Text>,
    pub steps: List<Step>,
    /// Named groups of consecutive steps, in order; optional.
    #[serde(default)]
    pub phases: List<Phase>,
    /// What each version changed, told once to a learner whose progress
    /// was last on an older version; optional (version 3 of the format).
    #[serde(default)]
    pub changes: List<VersionNote>,
}

/// What one version of a roadmap changed, in a sentence or two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionNote {
    pub version: u32,
    pub text: Text,
}

/// A named group of steps, such as "Foundations".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Str,
    pub title: Text,
    /// The ids of its steps.
    pub steps: List<Str>,
}

/// Something to learn from for a step: a course, a law, a tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub title: Text,
    /// An `http` or `https` address.
    pub url: Str,
    pub kind: ResourceKind,
    /// The language the resource is in, such as `id` or `en`.
    pub language: Str,
    /// The day someone last checked it still says what the step claims,
    /// `YYYY-MM-DD`; kept for every law, optional elsewhere.
    #[serde(default)]
    pub reviewed: Option<Str>,
}

/// What kind of thing a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResourceKind {
    Course,
    Official,
    Article,
    Video,
    Tool,
    Law,
}

impl ResourceKind {
    /// The word written in the YAML file.
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Course => "course",
            ResourceKind::Official => "official",
            ResourceKind::Article => "article",
            ResourceKind::Video => "video",
            ResourceKind::Tool => "tool",
            ResourceKind::Law => "law",
        }
    }
}

/// One step of a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable identifier (kebab-case): progress is keyed by it.
    pub id: Str,
    pub title: Text,
    pub summary: Text,
    /// Concrete things to do this week.
    #[serde(default)]
    pub actions: List<Text>,
    /// What shows the step is done.
    #[serde(default)]
    pub evidence: Option<Text>,
    /// Where to learn it; optional.
    #[serde(default)]
    pub resources: List<Resource>,
    /// The day its content was last checked against the world, `YYYY-MM-DD`;
    /// optional.
    #[serde(default)]
    pub reviewed: Option<Str>,
}

/// A text field of a roadmap: `title: Plain words` or `title: {id: ..., en: ...}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same words in every language.
    Plain(Str),
    /// Words per language code, in the order the file gives them.
    Localized(List<(Str, Str)>),
}

impl Text {
    /// The translation for exactly this language code, if any.
    pub fn translation(&self, code: &str) -> Option<&str> {
        match self {
            Text::Plain(text) => Some(text),
            Text::Localized(translations) => translations
                .iter()
                .find(|(key, _)| key == code)
                .map(|(_, text)| text.as_ref()),
        }
    }

    /// Every translation given, plain text counting as one.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Localized(translations) => translations.iter().map(|(_, t)| t.as_ref()).collect(),
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
                Ok(Text::Plain(Cow::Owned(value.to_string())))
            }

            // A title such as `2024` or `true` is still text to the author.
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Text, E> {
                Ok(Text::Plain(Cow::Owned(value.to_string())))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
                Ok(Text::Plain(Cow::Owned(value.to_string())))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
                Ok(Text::Plain(Cow::Owned(value.to_string())))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Text, E> {
                Ok(Text::Plain(Cow::Owned(value.to_string())))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                // Most roadmaps give two languages; growing from zero would reserve four.
                let mut translations: Vec<(Str, Str)> = Vec::with_capacity(2);
                while let Some((code, text)) = map.next_entry::<String, String>()? {
                    if translations.iter().any(|(known, _)| *known == code) {
                        return Err(de::Error::custom(format!(
                            "the language `{code}` is given twice"
                        )));
                    }
                    translations.push((Cow::Owned(code), Cow::Owned(text)));
                }
                Ok(Text::Localized(Cow::Owned(translations)))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Text::Plain(text) => serializer.serialize_str(text),
            Text::Localized(translations) => {
                let mut map = serializer.serialize_map(Some(translations.len()))?;
                for (code, text) in translations.iter() {
                    map.serialize_entry(code, text)?;
                }
                map.end()
            }
        }
    }
}
