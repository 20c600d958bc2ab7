//! The cached form of a custom roadmap: packed bytes its strings are read
//! from in place, so a large roadmap is neither parsed nor copied on a run.
//!
//! Parsing 100,000 steps from JSON cost half of `status`: every text a
//! string allocated and copied, every field name matched. Here every text
//! lies in one region of the bytes, checked as UTF-8 once (checking each
//! of a million small strings on its own cost a fifth of a change at
//! 100,000 steps), and a string is where it starts and its length there.
//! The decoded roadmap borrows its strings from the cache file's contents,
//! which [`decode`] keeps for the rest of the process (a roadmap is loaded
//! once per run; `Context` is never freed either).
//!
//! Each type is taken apart field by field without `..`, so a field added
//! to the model does not compile until it is packed here too. Anything
//! that does not decode (a truncated file, another layout) is `None`: the
//! cache is then missed and the YAML parsed, as for any stale cache.

use std::borrow::Cow;

use super::model::{
    List, Phase, PracticalAction, Resource, ResourceKind, Roadmap, Step, StepIndex, Str, Text,
    VersionNote,
};

/// The layout's version, first in the bytes: another layout is a miss.
/// 2: the texts in one region after the layout byte (1 had them inline).
const LAYOUT: u8 = 2;

/// The roadmap as bytes for [`decode`].
pub(crate) fn encode(roadmap: &Roadmap) -> Vec<u8> {
    let mut out = Packer {
        structure: Vec::with_capacity(4096),
        texts: String::with_capacity(4096),
    };
    let Roadmap {
        id,
        version,
        languages,
        title,
        introduction,
        closing,
        steps,
        phases,
        changes,
        finish_with_actions,
        step_index: _,
    } = roadmap;
    out.str(id);
    out.number(*version);
    out.list(languages, |out, language| out.str(language));
    out.text(title);
    out.option(introduction.as_ref(), Packer::text);
    out.option(closing.as_ref(), Packer::text);
    out.list(steps, Packer::step);
    out.list(phases, |out, phase| {
        let Phase { id, title, steps } = phase;
        out.str(id);
        out.text(title);
        out.list(steps, |out, step| out.str(step));
    });
    out.list(changes, |out, change| {
        let VersionNote { version, text } = change;
        out.number(*version);
        out.text(text);
    });
    out.structure.push(u8::from(*finish_with_actions));
    let mut bytes = Vec::with_capacity(5 + out.texts.len() + out.structure.len());
    bytes.push(LAYOUT);
    bytes.extend_from_slice(&length_number(out.texts.len()).to_le_bytes());
    bytes.extend_from_slice(out.texts.as_bytes());
    bytes.extend_from_slice(&out.structure);
    bytes
}

/// A length as packed: no list or text in a roadmap under the 64 MB size
/// limit nears 4 GB.
fn length_number(length: usize) -> u32 {
    u32::try_from(length).unwrap_or(u32::MAX)
}

/// The roadmap packed in `bytes` by [`encode`], its strings borrowed from
/// them; `None` when they are not such a roadmap. The bytes are kept
/// until the process ends.
pub(crate) fn decode(bytes: Vec<u8>) -> Option<Roadmap> {
    let bytes: &'static [u8] = Vec::leak(bytes);
    let mut input = Unpacker {
        bytes,
        at: 0,
        texts: "",
    };
    if input.byte()? != LAYOUT {
        return None;
    }
    let texts_length = usize::try_from(input.number()?).ok()?;
    input.texts = std::str::from_utf8(input.take(texts_length)?).ok()?;
    let roadmap = Roadmap {
        id: input.str()?,
        version: input.number()?,
        languages: input.list(Unpacker::str)?,
        title: input.text()?,
        introduction: input.option(Unpacker::text)?,
        closing: input.option(Unpacker::text)?,
        steps: input.list(Unpacker::step)?,
        phases: input.list(|input| {
            Some(Phase {
                id: input.str()?,
                title: input.text()?,
                steps: input.list(Unpacker::str)?,
            })
        })?,
        changes: input.list(|input| {
            Some(VersionNote {
                version: input.number()?,
                text: input.text()?,
            })
        })?,
        finish_with_actions: input.flag()?,
        step_index: StepIndex::new(),
    };
    // Trailing bytes mean another layout, not this one.
    (input.at == bytes.len()).then_some(roadmap)
}

struct Packer {
    /// Everything but the texts.
    structure: Vec<u8>,
    /// Every text, one after the other.
    texts: String,
}

impl Packer {
    fn number(&mut self, value: u32) {
        self.structure.extend_from_slice(&value.to_le_bytes());
    }

    fn count(&mut self, count: usize) {
        self.number(length_number(count));
    }

    fn str(&mut self, text: &str) {
        self.count(self.texts.len());
        self.count(text.len());
        self.texts.push_str(text);
    }

    fn option<T>(&mut self, value: Option<&T>, pack: impl Fn(&mut Packer, &T)) {
        match value {
            None => self.structure.push(0),
            Some(value) => {
                self.structure.push(1);
                pack(self, value);
            }
        }
    }

    fn list<T>(&mut self, items: &[T], pack: impl Fn(&mut Packer, &T)) {
        self.count(items.len());
        for item in items {
            pack(self, item);
        }
    }

    fn text(&mut self, text: &Text) {
        match text {
            Text::Plain(words) => {
                self.structure.push(0);
                self.str(words);
            }
            Text::Localized(translations) => {
                self.structure.push(1);
                self.list(translations, |out, (language, words)| {
                    out.str(language);
                    out.str(words);
                });
            }
        }
    }

    fn step(&mut self, step: &Step) {
        let Step {
            id,
            title,
            summary,
            actions,
            evidence,
            resources,
            reviewed,
        } = step;
        self.str(id);
        self.text(title);
        self.text(summary);
        self.list(actions, |out, action| {
            let PracticalAction { key, text } = action;
            out.str(key);
            out.text(text);
        });
        self.option(evidence.as_ref(), Packer::text);
        self.list(resources, |out, resource| {
            let Resource {
                title,
                url,
                kind,
                language,
                reviewed,
            } = resource;
            out.text(title);
            out.str(url);
            out.structure.push(kind_number(*kind));
            out.str(language);
            out.option(reviewed.as_ref(), |out, day| out.str(day));
        });
        self.option(reviewed.as_ref(), |out, day| out.str(day));
    }
}

const KINDS: [ResourceKind; 6] = [
    ResourceKind::Course,
    ResourceKind::Official,
    ResourceKind::Article,
    ResourceKind::Video,
    ResourceKind::Tool,
    ResourceKind::Law,
];

fn kind_number(kind: ResourceKind) -> u8 {
    KINDS
        .iter()
        .position(|&known| known == kind)
        .and_then(|position| u8::try_from(position).ok())
        .unwrap_or(u8::MAX)
}

struct Unpacker {
    bytes: &'static [u8],
    at: usize,
    /// The region of texts, checked as UTF-8.
    texts: &'static str,
}

impl Unpacker {
    fn take(&mut self, length: usize) -> Option<&'static [u8]> {
        let end = self.at.checked_add(length)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn number(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<Str> {
        let start = usize::try_from(self.number()?).ok()?;
        let end = start.checked_add(usize::try_from(self.number()?).ok()?)?;
        // `get` is `None` past the end or inside a character.
        self.texts.get(start..end).map(Cow::Borrowed)
    }

    // The outer `Option` is whether the bytes decode, as everywhere here;
    // the inner one is the field's own.
    #[allow(clippy::option_option)]
    fn option<T>(&mut self, unpack: impl Fn(&mut Unpacker) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => unpack(self).map(Some),
            _ => None,
        }
    }

    fn list<T: Clone>(&mut self, unpack: impl Fn(&mut Unpacker) -> Option<T>) -> Option<List<T>> {
        let count = usize::try_from(self.number()?).ok()?;
        // A count is only believed as far as the items are read: a broken
        // file's count is no reason to reserve gigabytes up front.
        let mut items = Vec::with_capacity(count.min(1024));
        for _ in 0..count {
            items.push(unpack(self)?);
        }
        Some(Cow::Owned(items))
    }

    fn text(&mut self) -> Option<Text> {
        match self.byte()? {
            0 => Some(Text::Plain(self.str()?)),
            1 => Some(Text::Localized(
                self.list(|input| Some((input.str()?, input.str()?)))?,
            )),
            _ => None,
        }
    }

    fn step(&mut self) -> Option<Step> {
        Some(Step {
            id: self.str()?,
            title: self.text()?,
            summary: self.text()?,
            actions: self.list(|input| {
                Some(PracticalAction {
                    key: input.str()?,
                    text: input.text()?,
                })
            })?,
            evidence: self.option(Unpacker::text)?,
            resources: self.list(|input| {
                Some(Resource {
                    title: input.text()?,
                    url: input.str()?,
                    kind: *KINDS.get(usize::from(input.byte()?))?,
                    language: input.str()?,
                    reviewed: input.option(Unpacker::str)?,
                })
            })?,
            reviewed: self.option(Unpacker::str)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::load_builtin;

    /// The built-in roadmap with every optional part given, as a custom
    /// roadmap may have them.
    fn everything() -> Roadmap {
        let mut roadmap = load_builtin();
        roadmap.introduction = Some(Text::Plain("Halo 👋".into()));
        roadmap.closing = None;
        roadmap.finish_with_actions = true;
        roadmap.changes = Cow::Owned(vec![VersionNote {
            version: 2,
            text: Text::Plain(String::new().into()),
        }]);
        let step = &mut roadmap.steps.to_mut()[0];
        step.evidence = None;
        step.reviewed = Some("2026-12-01".into());
        roadmap
    }

    #[test]
    fn a_packed_roadmap_comes_back_equal() {
        for roadmap in [load_builtin(), everything()] {
            assert_eq!(decode(encode(&roadmap)), Some(roadmap));
        }
    }

    #[test]
    fn bytes_that_are_not_a_whole_packed_roadmap_are_none() {
        let bytes = encode(&everything());
        // Cuts all along it, a byte too many, another layout, text that is
        // not UTF-8.
        let cuts = (0..bytes.len()).step_by(bytes.len() / 300 + 1);
        for end in cuts.chain(bytes.len() - 3..bytes.len()) {
            assert_eq!(decode(bytes[..end].to_vec()), None, "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(longer), None);
        let mut other = bytes.clone();
        other[0] = LAYOUT + 1;
        assert_eq!(decode(other), None);
        // The first byte of the texts (the id's first) made not UTF-8.
        let texts_start = 1 + 4;
        let mut broken = bytes.clone();
        broken[texts_start] = 0xff;
        assert_eq!(decode(broken), None);
        // A text that would start inside a character: the id's start moved
        // one byte into the emoji of the introduction.
        let texts_length = u32::from_le_bytes(bytes[1..5].try_into().unwrap()) as usize;
        let texts = std::str::from_utf8(&bytes[5..5 + texts_length]).unwrap();
        let inside = u32::try_from(texts.find('👋').unwrap() + 1).unwrap();
        let mut split = bytes;
        let id_reference = 5 + texts_length;
        split[id_reference..id_reference + 4].copy_from_slice(&inside.to_le_bytes());
        assert_eq!(decode(split), None);
    }
}
