//! The letter: what it says, who signed it and what it asks for.

pub mod date;
mod party;
mod state;

pub use date::Date;
pub use party::{Interned, Party, PartyTable, UNKNOWN_PARTY_CODE, normalise_known};
pub use state::{State, StateInfo};

use serde_json::{Map, Value};

/// Fields of a JSON object that the app does not know, kept so that saving writes them back.
pub type Extra = Map<String, Value>;

/// A sign-on letter and everything the app knows about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Letter {
    /// Title, date, recipients and the like.
    pub info: LetterInfo,
    /// Everyone who signed, in the order the file lists them.
    pub signers: Vec<Signer>,
    /// The policy demands, in the order the file lists them.
    pub demands: Vec<Demand>,
    /// The party codes the signers' [`Party`] ids refer to.
    pub parties: PartyTable,
    /// Top-level fields the app does not know.
    pub extra: Extra,
}

/// What the letter itself says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterInfo {
    /// The title (required in a letter file).
    pub title: String,
    /// When it was sent.
    pub date: Option<Date>,
    /// Who circulated it.
    pub organization: Option<String>,
    /// To whom it is addressed.
    pub recipients: Vec<String>,
    /// A sentence or two on what it asks.
    pub summary: Option<String>,
    /// Where the letter or the announcement of it can be read.
    pub source_url: Option<String>,
    /// Fields of the `letter` object the app does not know.
    pub extra: Extra,
}

/// The chamber a member sits in.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Chamber {
    /// The House of Representatives (delegates and the resident commissioner too).
    House,
    /// The Senate.
    Senate,
}

impl Chamber {
    /// Both chambers, House first.
    pub const ALL: [Chamber; 2] = [Chamber::House, Chamber::Senate];

    /// `"house"` or `"senate"`, as written in files.
    pub fn code(self) -> &'static str {
        match self {
            Chamber::House => "house",
            Chamber::Senate => "senate",
        }
    }

    /// `"House"` or `"Senate"`, for people.
    pub fn label(self) -> &'static str {
        match self {
            Chamber::House => "House",
            Chamber::Senate => "Senate",
        }
    }

    /// Recognises "house", "senate" and their usual variants, ignoring case.
    pub fn parse(text: &str) -> Option<Chamber> {
        const HOUSE: [&str; 7] = [
            "house",
            "h",
            "rep",
            "representative",
            "house of representatives",
            "us house",
            "u.s. house",
        ];
        const SENATE: [&str; 6] = ["senate", "s", "sen", "senator", "us senate", "u.s. senate"];
        // Compared in place rather than lowercased into a new string: a big letter asks
        // this once per signer, most often with one of these two.
        match text {
            "house" => return Some(Chamber::House),
            "senate" => return Some(Chamber::Senate),
            _ => {}
        }
        let key = crate::text::code_key(text);
        if HOUSE.iter().any(|form| form.eq_ignore_ascii_case(key)) {
            Some(Chamber::House)
        } else if SENATE.iter().any(|form| form.eq_ignore_ascii_case(key)) {
            Some(Chamber::Senate)
        } else {
            None
        }
    }
}

/// Whether a signer leads the letter or joins it.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// One of the members who lead the letter.
    Lead,
    /// Everyone else who signed.
    #[default]
    Cosigner,
}

impl Role {
    /// Both roles, leads first.
    pub const ALL: [Role; 2] = [Role::Lead, Role::Cosigner];

    /// `"lead"` or `"cosigner"`, as written in files.
    pub fn code(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Cosigner => "cosigner",
        }
    }

    /// `"Lead"` or `"Cosigner"`, for people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "Lead",
            Role::Cosigner => "Cosigner",
        }
    }

    /// The index of this role in a count array of length 2.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Recognises "lead" and "cosigner" and their usual variants, ignoring case; blank is cosigner.
    pub fn parse(text: &str) -> Option<Role> {
        const LEAD: [&str; 6] = [
            "lead",
            "leader",
            "co-lead",
            "colead",
            "co-leader",
            "sponsor",
        ];
        const COSIGNER: [&str; 6] = [
            "cosigner",
            "co-signer",
            "signer",
            "signatory",
            "cosignatory",
            "",
        ];
        // Compared in place, as in `Chamber::parse`: asked once per signer.
        match text {
            "cosigner" | "" => return Some(Role::Cosigner),
            "lead" => return Some(Role::Lead),
            _ => {}
        }
        let key = crate::text::trim(text);
        if COSIGNER.iter().any(|form| form.eq_ignore_ascii_case(key)) {
            Some(Role::Cosigner)
        } else if LEAD.iter().any(|form| form.eq_ignore_ascii_case(key)) {
            Some(Role::Lead)
        } else {
            None
        }
    }
}

/// A member of Congress who signed the letter.
#[derive(Clone, Debug, PartialEq)]
pub struct Signer {
    /// As the letter gives it, e.g. "Linda Sánchez".
    pub name: Box<str>,
    /// An id in the letter's [`PartyTable`].
    pub party: Party,
    /// [`State::UNKNOWN`] when the letter gives none or one the app does not recognise.
    pub state: State,
    /// House or Senate, when known.
    pub chamber: Option<Chamber>,
    /// The House district; 0 for at-large members and delegates. `None` for senators.
    pub district: Option<u8>,
    /// Lead or cosigner.
    pub role: Role,
    /// The member's Biographical Directory id, e.g. "P000034".
    pub bioguide: Option<Box<str>>,
    /// When the member signed.
    pub signed_on: Option<Date>,
    /// A free-text note.
    pub note: Option<Box<str>>,
    /// What the file said that the fields above cannot hold: an unrecognised state as
    /// written, and fields the app does not know. `None` for the usual signer.
    pub extra: Option<Box<Extra>>,
}

impl Signer {
    /// A cosigner with only a name, party and state.
    pub fn new(name: &str, party: Party, state: State) -> Signer {
        Signer {
            name: Box::from(name),
            party,
            state,
            chamber: None,
            district: None,
            role: Role::Cosigner,
            bioguide: None,
            signed_on: None,
            note: None,
            extra: None,
        }
    }

    /// The state as the file wrote it when the app did not recognise it.
    pub fn unrecognised_state(&self) -> Option<&str> {
        self.extra.as_ref()?.get(UNRECOGNISED_STATE_KEY)?.as_str()
    }
}

/// Where a signer's unrecognised state is kept among its extra fields, so that it is written back.
pub const UNRECOGNISED_STATE_KEY: &str = "state";

/// How far a demand has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DemandStatus {
    /// Nothing has happened yet.
    #[default]
    Open,
    /// Work is under way.
    InProgress,
    /// Achieved.
    Met,
}

impl DemandStatus {
    /// All three, in the order a demand goes through them.
    pub const ALL: [DemandStatus; 3] = [
        DemandStatus::Open,
        DemandStatus::InProgress,
        DemandStatus::Met,
    ];

    /// `"open"`, `"in_progress"` or `"met"`, as written in files.
    pub fn code(self) -> &'static str {
        match self {
            DemandStatus::Open => "open",
            DemandStatus::InProgress => "in_progress",
            DemandStatus::Met => "met",
        }
    }

    /// "Open", "In progress" or "Met", for people.
    pub fn label(self) -> &'static str {
        match self {
            DemandStatus::Open => "Open",
            DemandStatus::InProgress => "In progress",
            DemandStatus::Met => "Met",
        }
    }

    /// Recognises the three codes and their usual variants, ignoring case; blank is open.
    pub fn parse(text: &str) -> Option<DemandStatus> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-'], "_")
            .as_str()
        {
            "open" | "" | "todo" | "not_started" => Some(DemandStatus::Open),
            "in_progress" | "progress" | "ongoing" | "started" => Some(DemandStatus::InProgress),
            "met" | "done" | "complete" | "completed" | "achieved" => Some(DemandStatus::Met),
            _ => None,
        }
    }
}

/// A policy demand of the letter or of its advocates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Demand {
    /// A short stable id, e.g. "release-prisoners".
    pub id: String,
    /// What is asked.
    pub text: String,
    /// Who asks it: the letter itself, the organisation's statement, the advocates…
    pub source: Option<String>,
    /// How far it has got.
    pub status: DemandStatus,
    /// The organiser's note.
    pub note: Option<String>,
    /// Fields the app does not know.
    pub extra: Extra,
}

impl Letter {
    /// How many demands are met.
    pub fn demands_met(&self) -> usize {
        self.demands
            .iter()
            .filter(|d| d.status == DemandStatus::Met)
            .count()
    }

    /// The party code of `signer`.
    pub fn party_code(&self, signer: &Signer) -> &str {
        self.parties.code(signer.party)
    }
}
