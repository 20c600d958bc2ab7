//! The roadmap's data model and its serde forms, with no other dependency.
//!
//! This file is also compiled into the build script (`build.rs`), which
//! turns the built-in roadmap into Rust code so it is never parsed at run
//! time; keeping it free of `crate::` paths is what makes that possible.

use std::borrow::Cow;
use std::fmt;
use std::hash::{DefaultHasher, Hasher};

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
    /// Whether ticking a step's last practical action also marks the step
    /// done; off unless the roadmap opts in (version 4 of the format).
    #[serde(default, skip_serializing_if = "is_false")]
    pub finish_with_actions: bool,
    /// Where each step id is, for `Roadmap::position_of`: made on first use.
    #[serde(skip)]
    pub step_index: StepIndex,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Each step's position by id, made the second time a large roadmap is
/// asked, so that a command naming every step of 100,000 (`done 1-100000`)
/// looks each up once rather than searching the list each time, while a
/// command that asks once (`note`) searches once instead of indexing all.
/// It is derived data: a copy starts without it, and it never makes two
/// roadmaps unequal.
#[derive(Default)]
pub struct StepIndex {
    /// Positions by a hash of the id: no id is copied, and a position is
    /// always checked against the step, so two ids with one hash only cost
    /// a search.
    positions: std::sync::OnceLock<std::collections::HashMap<u64, usize>>,
    asked: std::sync::atomic::AtomicBool,
}

impl StepIndex {
    pub const fn new() -> StepIndex {
        StepIndex {
            positions: std::sync::OnceLock::new(),
            asked: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The position of `id` among `steps`, indexing them on the second call.
    pub(crate) fn position(&self, steps: &[Step], id: &str) -> Option<usize> {
        let search = || steps.iter().position(|step| step.id == id);
        if !self.asked.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return search();
        }
        let found = self
            .positions
            .get_or_init(|| {
                let mut index = std::collections::HashMap::with_capacity(steps.len());
                for (position, step) in steps.iter().enumerate() {
                    // The first of two equal ids, as a linear search finds.
                    index.entry(id_hash(&step.id)).or_insert(position);
                }
                index
            })
            .get(&id_hash(id))
            .copied();
        // Steps changed after the index was made cannot mislead it: a
        // position is given only where that step is, else the list is searched.
        match found {
            Some(position) if steps.get(position).is_some_and(|step| step.id == id) => {
                Some(position)
            }
            _ => search(),
        }
    }
}

fn id_hash(id: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(id.as_bytes());
    hasher.finish()
}

impl Clone for StepIndex {
    fn clone(&self) -> StepIndex {
        // The copy's steps may be changed before it is asked.
        StepIndex::new()
    }
}

impl PartialEq for StepIndex {
    fn eq(&self, _: &StepIndex) -> bool {
        true
    }
}

impl fmt::Debug for StepIndex {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("StepIndex")
    }
}

/// One practical action of a step: a thing to do, ticked off on its own.
///
/// Written either as its text alone, as roadmaps before version 4 of the
/// format did, or as `{key: ..., text: ...}`. Ticks are stored under the
/// key, so a keyed action keeps its tick when the author rewords or moves
/// it. An action given as text alone is keyed by its position in the step,
/// `action-1`, `action-2`, ... (see [`Roadmap::key_plain_actions`]): moving
/// it moves its tick to whichever action takes its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticalAction {
    /// Stable identifier within its step (kebab-case).
    pub key: Str,
    pub text: Text,
}

/// The key an action given as text alone gets: its 1-based position.
pub(super) fn positional_action_key(position: usize) -> String {
    format!("action-{position}")
}

impl Roadmap {
    /// Gives every action written as text alone its positional key
    /// (`action-N`); run once, right after parsing.
    pub fn key_plain_actions(&mut self) {
        if !self
            .steps
            .iter()
            .any(|step| step.actions.iter().any(|action| action.key.is_empty()))
        {
            return;
        }
        for step in self.steps.to_mut().iter_mut() {
            if step.actions.iter().all(|action| !action.key.is_empty()) {
                continue;
            }
            for (index, action) in step.actions.to_mut().iter_mut().enumerate() {
                if action.key.is_empty() {
                    action.key = Cow::Owned(positional_action_key(index + 1));
                }
            }
        }
    }
}

impl<'de> Deserialize<'de> for PracticalAction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ActionVisitor;

        impl<'de> Visitor<'de> for ActionVisitor {
            type Value = PracticalAction;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an action's text, or `key: ...` and `text: ...` (a string or id: ..., en: ...)",
                )
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<PracticalAction, E> {
                Ok(PracticalAction {
                    key: Cow::Borrowed(""),
                    text: Text::Plain(Cow::Owned(value.to_string())),
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PracticalAction, A::Error> {
                let Some(first) = map.next_key::<String>()? else {
                    return Err(de::Error::custom("an action needs its text"));
                };
                // `{id: ..., en: ...}`: text in several languages, no key.
                if first != "key" && first != "text" {
                    let mut translations: Vec<(Str, Str)> = Vec::with_capacity(2);
                    translations.push((Cow::Owned(first), Cow::Owned(map.next_value()?)));
                    while let Some((code, text)) = map.next_entry::<String, String>()? {
                        if translations.iter().any(|(known, _)| *known == code) {
                            return Err(de::Error::custom(format!(
                                "the language `{code}` is given twice"
                            )));
                        }
                        translations.push((Cow::Owned(code), Cow::Owned(text)));
                    }
                    return Ok(PracticalAction {
                        key: Cow::Borrowed(""),
                        text: Text::Localized(Cow::Owned(translations)),
                    });
                }
                let (mut key, mut text): (Option<String>, Option<Text>) = (None, None);
                let mut field = Some(first);
                while let Some(name) = field {
                    match name.as_str() {
                        "key" if key.is_some() => return Err(de::Error::duplicate_field("key")),
                        "text" if text.is_some() => {
                            return Err(de::Error::duplicate_field("text"));
                        }
                        "key" => key = Some(map.next_value()?),
                        "text" => text = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, &["key", "text"])),
                    }
                    field = map.next_key()?;
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                let key = key.ok_or_else(|| de::Error::missing_field("key"))?;
                // An empty key would pass for "no key" and be given one.
                if key.is_empty() {
                    return Err(de::Error::invalid_value(
                        de::Unexpected::Str(""),
                        &"an action key: lower-case letters, digits and dashes",
                    ));
                }
                Ok(PracticalAction {
                    key: Cow::Owned(key),
                    text,
                })
            }
        }

        deserializer.deserialize_any(ActionVisitor)
    }
}

impl Serialize for PracticalAction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("key", &self.key)?;
        map.serialize_entry("text", &self.text)?;
        map.end()
    }
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
    /// Concrete things to do this week, each ticked off on its own.
    #[serde(default)]
    pub actions: List<PracticalAction>,
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
