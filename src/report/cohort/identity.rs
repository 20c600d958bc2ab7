//! Which of the files a mentor gives `cohort` are one learner, from the
//! changes each holds (issue "One learner, many machines"); see
//! [`group_sources`] and the README's cohort section.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

/// One change as it bears on whose it is, hashed, so that the histories of
/// a cohort of thousands stay small in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ChangePrint {
    /// The device that made it.
    pub device: u64,
    pub seq: u64,
    /// Its own random identity, 0 for a change that carries none.
    pub id: u64,
    /// What it says and does, without the identity.
    pub content: u64,
}

impl ChangePrint {
    /// What tells this change from every other: its own identity, or,
    /// for a change written before changes carried one, its device and
    /// sequence number.
    pub(crate) fn identity(&self) -> (u64, u64) {
        if self.id != 0 {
            (self.id, u64::MAX)
        } else {
            (self.device, self.seq)
        }
    }

    /// Whether two changes in one slot (device, sequence) are one change:
    /// by identity when both carry one, else by content.
    fn same_change(&self, other: &ChangePrint) -> bool {
        if self.id != 0 && other.id != 0 {
            self.id == other.id
        } else {
            self.content == other.content
        }
    }
}

/// What one export or sync folder says about whose it is.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceIdentity {
    /// The devices whose homes wrote it: an export's `device`, a sync
    /// folder's device files. Empty for an export that names none (format 2).
    pub own_devices: Vec<u64>,
    /// Its changes, sorted, without duplicates.
    pub changes: Vec<ChangePrint>,
}

/// Per source, the variant it holds of each forked slot: (fork, variant),
/// sorted by fork.
type Signature = Vec<(u32, u32)>;

/// An index kept in 32 bits, as millions of changes are: a cohort holds
/// far fewer than four billion of anything, and past that it saturates.
fn small(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Whether two signatures hold different changes in one slot.
fn conflicting(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal if a[i].1 != b[j].1 => return true,
            Ordering::Equal => (i, j) = (i + 1, j + 1),
        }
    }
    false
}

fn merged(a: &[(u32, u32)], b: &[(u32, u32)]) -> Signature {
    let mut all: Signature = a.iter().chain(b).copied().collect();
    all.sort_unstable();
    all.dedup_by_key(|(fork, _)| *fork);
    all
}

/// Which sources are one learner, each group in source order, the groups
/// in the order of their first source. See the README's cohort section.
///
/// Two sources **conflict** when they hold different changes in one slot
/// (device, sequence number): two homes that grew apart from one copied
/// home (a bootcamp's starter), which are never one learner. A change held
/// by sources that conflict with each other is **ambiguous**: it came from
/// before the copies parted, so it tells no learner from another.
///
/// Two sources are **linked** when they share an unambiguous change made
/// by one's own device: the other has it from that home (two exports of one
/// home, or a device's export and the device that synced from it). A source
/// that names no device of its own (a format 2 export) is linked, as
/// before, to one whose changes come from exactly the same devices. Linked
/// sources join, and so do their groups, unless the groups would conflict.
pub(crate) fn group_sources(sources: &[SourceIdentity]) -> Vec<Vec<usize>> {
    let mut all: Vec<(ChangePrint, usize)> = sources
        .iter()
        .enumerate()
        .flat_map(|(index, source)| source.changes.iter().map(move |change| (*change, index)))
        .collect();
    all.sort_unstable_by_key(|(change, index)| (change.device, change.seq, *index));
    // Each entry's variant within its slot; the forked slots' signatures.
    let mut variant = vec![0u32; all.len()];
    let mut signatures: Vec<Signature> = vec![Vec::new(); sources.len()];
    let mut slots = Vec::new();
    let mut start = 0;
    while start < all.len() {
        let slot = (all[start].0.device, all[start].0.seq);
        let end = start
            + all[start..]
                .iter()
                .take_while(|(change, _)| (change.device, change.seq) == slot)
                .count();
        let mut kinds: Vec<ChangePrint> = Vec::new();
        for entry in start..end {
            let change = &all[entry].0;
            variant[entry] =
                if let Some(known) = kinds.iter().position(|kind| kind.same_change(change)) {
                    small(known)
                } else {
                    kinds.push(*change);
                    small(kinds.len() - 1)
                };
        }
        if kinds.len() > 1 {
            let fork = small(slots.len());
            for entry in start..end {
                signatures[all[entry].1].push((fork, variant[entry]));
            }
        }
        slots.push(start..end);
        start = end;
    }
    for signature in &mut signatures {
        // Sorted by fork already; a source holding two variants keeps one.
        signature.dedup_by_key(|(fork, _)| *fork);
    }

    let mut groups = Groups::new(&signatures);
    for slot in slots {
        let device = all[slot.start].0.device;
        let mut holders: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for entry in slot {
            holders
                .entry(variant[entry])
                .or_default()
                .push(all[entry].1);
        }
        for holders in holders.values_mut() {
            holders.dedup();
            if holders.len() < 2 {
                continue;
            }
            let mut seen = Signature::new();
            let ambiguous = holders.iter().any(|&holder| {
                let clash = conflicting(&seen, &signatures[holder]);
                seen = merged(&seen, &signatures[holder]);
                clash
            });
            if ambiguous {
                continue;
            }
            for &owner in holders.iter() {
                if sources[owner].own_devices.contains(&device) {
                    for &other in holders.iter() {
                        groups.join(owner, other);
                    }
                }
            }
        }
    }
    // Format 2 exports: the devices their changes came from, as before.
    let mut by_devices: HashMap<Vec<u64>, Vec<usize>> = HashMap::new();
    for (index, source) in sources.iter().enumerate() {
        let mut devices: Vec<u64> = source.changes.iter().map(|change| change.device).collect();
        devices.dedup();
        if !devices.is_empty() {
            by_devices.entry(devices).or_default().push(index);
        }
    }
    let mut alike: Vec<Vec<usize>> = by_devices.into_values().collect();
    alike.sort_unstable();
    for members in alike {
        for &nameless in members
            .iter()
            .filter(|&&index| sources[index].own_devices.is_empty())
        {
            for &other in &members {
                groups.join(nameless, other);
            }
        }
    }
    groups.into_groups()
}

/// Union-find over sources that refuses to join conflicting groups.
struct Groups {
    parent: Vec<usize>,
    /// Per group (at its root), the variants its sources hold.
    signature: Vec<Signature>,
}

impl Groups {
    fn new(signatures: &[Signature]) -> Groups {
        Groups {
            parent: (0..signatures.len()).collect(),
            signature: signatures.to_vec(),
        }
    }

    fn root(&mut self, mut index: usize) -> usize {
        while self.parent[index] != index {
            self.parent[index] = self.parent[self.parent[index]];
            index = self.parent[index];
        }
        index
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a == b || conflicting(&self.signature[a], &self.signature[b]) {
            return;
        }
        let (root, child) = (a.min(b), a.max(b));
        self.signature[root] = merged(&self.signature[root], &self.signature[child]);
        self.signature[child] = Signature::new();
        self.parent[child] = root;
    }

    fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for index in 0..self.parent.len() {
            let root = self.root(index);
            groups.entry(root).or_default().push(index);
        }
        groups.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(device: u64, seq: u64, content: u64) -> ChangePrint {
        ChangePrint {
            device,
            seq,
            id: 0,
            content,
        }
    }

    fn source(own: &[u64], changes: &[ChangePrint]) -> SourceIdentity {
        let mut changes = changes.to_vec();
        changes.sort_unstable();
        SourceIdentity {
            own_devices: own.to_vec(),
            changes,
        }
    }

    #[test]
    fn copies_of_one_home_that_grew_apart_stay_apart() {
        // Device 1 is the starter's, copied three times; each copy went on as device 1.
        let starter = change(1, 1, 10);
        let sources = [
            source(&[1], &[starter, change(1, 2, 20)]),
            source(&[1], &[starter, change(1, 2, 30)]),
            source(&[1], &[starter, change(1, 2, 40), change(1, 3, 41)]),
            // The first learner's older export, from after the copy.
            source(&[1], &[starter, change(1, 2, 20)]),
            // A copy with nothing of its own tells no learner from another.
            source(&[1], &[starter]),
        ];
        assert_eq!(
            group_sources(&sources),
            vec![vec![0, 3], vec![1], vec![2], vec![4]]
        );
    }

    #[test]
    fn devices_that_synced_join_and_a_starter_device_joins_no_one() {
        let starter = change(9, 1, 90);
        let sources = [
            // A laptop (device 1) before its first sync, the phone (2) after.
            source(&[1], &[starter, change(1, 1, 10)]),
            source(&[2], &[starter, change(1, 1, 10), change(2, 1, 20)]),
            // Another learner from the same starter (9, which never exports).
            source(&[3], &[starter, change(3, 1, 30)]),
            // Changes with identities: one slot, two changes of equal content.
            source(
                &[4],
                &[ChangePrint {
                    id: 7,
                    ..change(4, 1, 40)
                }],
            ),
            source(
                &[4],
                &[ChangePrint {
                    id: 8,
                    ..change(4, 1, 40)
                }],
            ),
        ];
        assert_eq!(
            group_sources(&sources),
            vec![vec![0, 1], vec![2], vec![3], vec![4]]
        );
    }

    #[test]
    fn exports_naming_no_device_join_by_their_devices() {
        let sources = [
            source(&[], &[change(1, 1, 10)]),
            source(&[], &[change(2, 1, 20)]),
            source(&[], &[change(1, 1, 10), change(1, 2, 11)]),
            // Same devices, but another history: never one learner.
            source(&[], &[change(1, 1, 12)]),
        ];
        assert_eq!(group_sources(&sources), vec![vec![0, 2], vec![1], vec![3]]);
    }
}
