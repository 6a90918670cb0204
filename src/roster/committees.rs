//! Committees of Congress and who sits on them: the published
//! `committee-membership-current.yaml` (committee id → members with rank and title) and,
//! for the committees' names, `committees-current.yaml`, both from
//! unitedstates/congress-legislators. Used to aim the list of members who have not signed
//! at the committee of jurisdiction.
//!
//! ```
//! use signer_dashboard::roster::committees::Committees;
//! use std::path::Path;
//!
//! let membership = "HSFA:\n- name: Brian Mast\n  party: majority\n  rank: 1\n  title: Chairman\n  bioguide: M001199\nHSFA13:\n- name: Brian Mast\n  party: majority\n  rank: 3\n  bioguide: M001199\n";
//! let names = "- type: house\n  name: House Committee on Foreign Affairs\n  thomas_id: HSFA\n  subcommittees:\n  - name: Europe\n    thomas_id: '13'\n";
//! let committees = Committees::parse(
//!     (Path::new("committee-membership-current.yaml"), membership),
//!     Some((Path::new("committees-current.yaml"), names)),
//! )?;
//! let foreign_affairs = committees.find("hsfa").unwrap();
//! assert_eq!(&*committees.committee(foreign_affairs).name, "House Committee on Foreign Affairs");
//! assert_eq!(committees.describe("M001199"), "HSFA Chairman; HSFA13 Europe");
//! # Ok::<(), signer_dashboard::roster::RosterError>(())
//! ```

use super::error::{RosterError, RosterErrorKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A committee or subcommittee, by its position in [`Committees`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommitteeId(u16);

/// One committee or subcommittee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committee {
    /// Its `thomas_id`: `HSFA` for a committee, `HSFA13` for one of its subcommittees.
    pub id: Box<str>,
    /// Its name: "House Committee on Foreign Affairs", or a subcommittee's own ("Europe");
    /// the id again where no committees file names it.
    pub name: Box<str>,
    /// The committee a subcommittee belongs to.
    pub parent: Option<CommitteeId>,
}

/// The majority or the minority side of a committee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The majority party's members.
    Majority,
    /// The minority's.
    Minority,
}

/// A member's seat on one committee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    /// The committee.
    pub committee: CommitteeId,
    /// Which side the member sits on.
    pub side: Option<Side>,
    /// 1 for the most senior member of the side (the chair, the ranking member).
    pub rank: Option<u16>,
    /// "Chairman", "Ranking Member", "Vice Chair", … where the file gives one.
    pub title: Option<Box<str>>,
}

/// A membership entry naming a member the roster does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownMember {
    /// The committee whose list names them.
    pub committee: Box<str>,
    /// The bioguide id as the file writes it.
    pub bioguide: Box<str>,
    /// The name as the file writes it.
    pub name: Box<str>,
}

/// Every committee and each member's seats.
#[derive(Clone, Debug, Default)]
pub struct Committees {
    committees: Vec<Committee>,
    by_id: HashMap<Box<str>, CommitteeId>,
    seats: HashMap<Box<str>, Vec<Seat>>,
    /// Each member's name as the membership file writes it, for messages.
    names: HashMap<Box<str>, Box<str>>,
    /// The membership file, for messages.
    source: PathBuf,
}

/// The most committees and subcommittees a file may list: Congress has about 230.
const MAX_COMMITTEES: usize = u16::MAX as usize;

#[derive(Deserialize)]
struct MembershipEntry {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    party: Option<Side>,
    #[serde(default)]
    rank: Option<u16>,
    #[serde(default)]
    title: Option<String>,
    bioguide: String,
}

#[derive(Deserialize)]
struct CommitteeEntry {
    name: String,
    thomas_id: String,
    #[serde(default)]
    subcommittees: Vec<SubcommitteeEntry>,
}

#[derive(Deserialize)]
struct SubcommitteeEntry {
    name: String,
    thomas_id: String,
}

impl Committees {
    /// Reads the membership file at `membership` and, for the names, `committees-current.yaml`
    /// when it sits in the same folder.
    pub fn load_path(membership: &Path) -> Result<Committees, RosterError> {
        let read = |path: &Path| -> Result<String, RosterError> {
            let bytes = crate::input::read(path, crate::input::Limit::ROSTER)
                .map_err(|e| RosterError::input(path, &e))?;
            String::from_utf8(bytes).map_err(|e| {
                let valid = e.utf8_error().valid_up_to();
                RosterError::encoding(path, e.as_bytes(), valid)
            })
        };
        let text = read(membership)?;
        let names_path = membership
            .parent()
            .map(|folder| folder.join("committees-current.yaml"))
            .filter(|p| p.is_file() && p != membership);
        let names = names_path
            .map(|path| read(&path).map(|text| (path, text)))
            .transpose()?;
        Committees::parse(
            (membership, &text),
            names.as_ref().map(|(p, t)| (p.as_path(), t.as_str())),
        )
    }

    /// Reads `membership` (path, text) and, when given, the committees' names.
    pub fn parse(
        membership: (&Path, &str),
        names: Option<(&Path, &str)>,
    ) -> Result<Committees, RosterError> {
        let (path, text) = membership;
        let lists: BTreeMap<String, Vec<MembershipEntry>> = read_yaml(path, text)?;
        if lists.len() > MAX_COMMITTEES {
            return Err(RosterError::new(
                RosterErrorKind::Content,
                path,
                format!(
                    "{} committees listed; a membership file has a few hundred",
                    lists.len()
                ),
            ));
        }
        let mut committees = Committees {
            source: path.to_path_buf(),
            ..Committees::default()
        };
        let named = match names {
            Some((names_path, names_text)) => {
                read_yaml::<Vec<CommitteeEntry>>(names_path, names_text)?
            }
            None => Vec::new(),
        };
        for (at, entry) in named.iter().enumerate() {
            let names_path = names.map_or(path, |(p, _)| p);
            check_id(names_path, &format!("[{at}].thomas_id"), &entry.thomas_id)?;
            let parent = committees.add(&entry.thomas_id, &entry.name, None)?;
            for (sub_at, sub) in entry.subcommittees.iter().enumerate() {
                let field = format!("[{at}].subcommittees[{sub_at}].thomas_id");
                check_id(names_path, &field, &sub.thomas_id)?;
                let id = format!("{}{}", entry.thomas_id.trim(), sub.thomas_id.trim());
                committees.add(&id, &sub.name, Some(parent))?;
            }
        }
        for (id, members) in lists {
            check_id(path, &id, &id)?;
            if let Some(at) = members.iter().position(|m| m.bioguide.trim().is_empty()) {
                return Err(RosterError::new(
                    RosterErrorKind::Content,
                    path,
                    "the bioguide id is empty; expected one such as S000522",
                )
                .field(format!("{id}[{at}].bioguide")));
            }
            let committee = match committees.find(&id) {
                Some(committee) => committee,
                None => {
                    // Not named in the committees file (or there is none): a subcommittee's
                    // parent is the committee whose id begins it.
                    let parent = committees
                        .committees
                        .iter()
                        .position(|c| {
                            c.parent.is_none() && id.len() > c.id.len() && id.starts_with(&*c.id)
                        })
                        .and_then(|i| u16::try_from(i).ok())
                        .map(CommitteeId);
                    committees.add(&id, &id, parent)?
                }
            };
            for member in members {
                let bioguide: Box<str> = member.bioguide.trim().to_ascii_uppercase().into();
                if let Some(name) = member.name {
                    committees
                        .names
                        .entry(bioguide.clone())
                        .or_insert(name.trim().into());
                }
                committees.seats.entry(bioguide).or_default().push(Seat {
                    committee,
                    side: member.party,
                    rank: member.rank,
                    title: member
                        .title
                        .as_deref()
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(Box::from),
                });
            }
        }
        // By id: a committee, then its subcommittees (whose ids begin with the committee's).
        let ids: Vec<Box<str>> = committees.committees.iter().map(|c| c.id.clone()).collect();
        for seats in committees.seats.values_mut() {
            seats.sort_by(|a, b| {
                ids.get(usize::from(a.committee.0))
                    .cmp(&ids.get(usize::from(b.committee.0)))
            });
        }
        Ok(committees)
    }

    fn add(
        &mut self,
        id: &str,
        name: &str,
        parent: Option<CommitteeId>,
    ) -> Result<CommitteeId, RosterError> {
        let key: Box<str> = id.trim().to_ascii_uppercase().into();
        if let Some(&existing) = self.by_id.get(&key) {
            return Ok(existing);
        }
        let index = u16::try_from(self.committees.len()).map_err(|_| {
            RosterError::new(
                RosterErrorKind::Content,
                &self.source,
                "too many committees",
            )
        })?;
        let committee = CommitteeId(index);
        self.committees.push(Committee {
            id: key.clone(),
            name: name.trim().into(),
            parent,
        });
        self.by_id.insert(key, committee);
        Ok(committee)
    }

    /// The committee or subcommittee whose `thomas_id` is `id` (any case).
    pub fn find(&self, id: &str) -> Option<CommitteeId> {
        self.by_id
            .get(id.trim().to_ascii_uppercase().as_str())
            .copied()
    }

    /// The committee `id` names.
    ///
    /// # Panics
    /// Never for an id this set gave out; an id from another set may name another committee.
    pub fn committee(&self, id: CommitteeId) -> &Committee {
        #[expect(
            clippy::indexing_slicing,
            reason = "ids are positions this set gave out"
        )]
        &self.committees[usize::from(id.0)]
    }

    /// Every committee and subcommittee, in the order they were read.
    pub fn ids(&self) -> Vec<CommitteeId> {
        (0..self.committees.len())
            .filter_map(|i| u16::try_from(i).ok())
            .map(CommitteeId)
            .collect()
    }

    /// How many committees and subcommittees there are.
    pub fn len(&self) -> usize {
        self.committees.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.committees.is_empty()
    }

    /// A few of the ids, for a message naming what the file has.
    pub fn some_ids(&self, count: usize) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .committees
            .iter()
            .filter(|c| c.parent.is_none())
            .map(|c| &*c.id)
            .collect();
        ids.sort_unstable();
        ids.truncate(count);
        ids
    }

    /// The seats of the member with `bioguide`, committees before their subcommittees.
    pub fn seats(&self, bioguide: &str) -> &[Seat] {
        self.seats
            .get(bioguide.trim().to_ascii_uppercase().as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Every member with a seat, by bioguide id (in no particular order), with their seats.
    pub fn members(&self) -> impl Iterator<Item = (&str, &[Seat])> + '_ {
        self.seats
            .iter()
            .map(|(bioguide, seats)| (&**bioguide, seats.as_slice()))
    }

    /// The member's seat on `committee`, if they sit on it.
    pub fn seat(&self, bioguide: &str, committee: CommitteeId) -> Option<&Seat> {
        self.seats(bioguide)
            .iter()
            .find(|s| s.committee == committee)
    }

    /// "HSFA Chairman; HSFA13 Europe": each seat's id, then its title or, for a
    /// subcommittee, its name.
    pub fn describe(&self, bioguide: &str) -> String {
        self.seats(bioguide)
            .iter()
            .map(|seat| {
                let committee = self.committee(seat.committee);
                let extra = match (&seat.title, committee.parent) {
                    (Some(title), _) => Some(&**title),
                    (None, Some(_)) if *committee.name != *committee.id => Some(&*committee.name),
                    (None, _) => None,
                };
                match extra {
                    Some(extra) => format!("{} {extra}", committee.id),
                    None => committee.id.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The membership entries whose bioguide id `is_known` does not know, in file order of
    /// committee id.
    pub fn unknown_members(&self, is_known: impl Fn(&str) -> bool) -> Vec<UnknownMember> {
        let mut unknown: Vec<UnknownMember> = self
            .seats
            .iter()
            .filter(|(bioguide, _)| !is_known(bioguide))
            .flat_map(|(bioguide, seats)| {
                seats.iter().map(|seat| UnknownMember {
                    committee: self.committee(seat.committee).id.clone(),
                    bioguide: bioguide.clone(),
                    name: self.names.get(bioguide).cloned().unwrap_or_default(),
                })
            })
            .collect();
        unknown.sort_by(|a, b| (&a.committee, &a.bioguide).cmp(&(&b.committee, &b.bioguide)));
        unknown
    }

    /// The membership file these were read from.
    pub fn source(&self) -> &Path {
        &self.source
    }
}

/// Keeps only the targets who sit on `committee`, in the order a whip works a committee:
/// the majority before the minority, each by rank (the chair and the ranking member
/// first), members without a rank last by the order they had. `targets` may be owned or
/// borrowed (the window narrows the list it shows).
pub fn keep_members_of<T: std::borrow::Borrow<super::Target>>(
    targets: &mut Vec<T>,
    roster: &super::Roster,
    committees: &Committees,
    committee: CommitteeId,
) {
    let seat_of = |target: &T| {
        let member = roster.member(target.borrow().member)?;
        committees.seat(&member.bioguide, committee)
    };
    targets.retain(|t| seat_of(t).is_some());
    // A stable sort: members the file gives no rank keep the roster's order, after the rest.
    targets.sort_by_key(|t| {
        let seat = seat_of(t);
        (
            seat.and_then(|s| s.side).unwrap_or(Side::Minority),
            seat.and_then(|s| s.rank).unwrap_or(u16::MAX),
        )
    });
}

/// A committee's `thomas_id` is letters and digits (`HSFA`, `HSFA13`, a subcommittee's
/// `'13'`): anything else, an empty one above all, would name no committee anyone can ask
/// for, and is an error at `field`.
fn check_id(path: &Path, field: &str, id: &str) -> Result<(), RosterError> {
    let id = id.trim();
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(());
    }
    Err(RosterError::new(
        RosterErrorKind::Content,
        path,
        format!(
            "expected a thomas_id of letters and digits, such as HSFA or HSFA13, found \"{id}\""
        ),
    )
    .field(field))
}

/// Reads YAML of type `T`, with the roster's guard against hostile nesting and its messages.
fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, RosterError> {
    super::yaml_depth::check(path, text)?;
    let yaml = serde_norway::Deserializer::from_str(text);
    serde_path_to_error::deserialize(yaml).map_err(|e| {
        let mut error = super::published::yaml_error(path, &e);
        // serde_norway names the place again before its message, and types as Rust has them.
        if let Some(field) = &error.field
            && let Some(rest) = error.message.strip_prefix(&format!("{field}: "))
        {
            error.message = rest.to_owned();
        }
        error.message = error
            .message
            .replace("expected u16", "expected a whole number such as 1");
        error
    })
}
