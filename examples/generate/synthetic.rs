//! Synthetic letters for benchmarks: deterministic from a seed, shaped like a big public
//! campaign. Shared by `examples/generate` and the benches (through `#[path]`).
//!
//! - States are drawn in proportion to House delegations (2020 apportionment), with DC and
//!   the five territories weighted like their one delegate each.
//! - Names mix plain ASCII with accents (Sánchez, Dvořák, Nguyễn), curly apostrophes and a
//!   few quoted nicknames that JSON has to escape. Every (name, state) pair is unique, then
//!   one signer in 10,000 repeats an earlier one in capitals, so the duplicate check has
//!   something to find.
//! - With a repeat share (`--repeat-share 0.15`), that share of signers instead has the
//!   name and state of an earlier signer, drawn from all of them, as a real mass petition
//!   has many a "Mary Green, OH": the name written the same way, the state written any of
//!   the usual ways, every other field drawn afresh. Share 0 gives the bytes it always
//!   gave.
//! - Most values are written the canonical way (`"D"`, `"NJ"`, `"house"`); a few percent
//!   as people type them (`"Democrat"`, `"N.J."`, `"New Jersey"`), a few signers carry
//!   fields the app does not know (`email`, `tags`), and a handful have parties other than
//!   D, R and I.

use signer_dashboard::model::State;
use signer_dashboard::roster::apportioned_seats;
use std::collections::HashSet;
use std::io::{self, Write};

/// A small, fast, deterministic generator (SplitMix64): good enough for test data and
/// the same on every platform, so a seed always gives the same file.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0), without modulo bias worth speaking of.
    pub fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// True with probability `per_10000` / 10,000.
    pub fn chance(&mut self, per_10000: usize) -> bool {
        self.below(10_000) < per_10000
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// USPS code and House seats of every state and territory: the core's 2020 apportionment,
/// with one delegate each for DC and the territories.
pub fn delegations() -> Vec<(&'static str, u8)> {
    State::all()
        .map(|state| (state.code(), apportioned_seats(state)))
        .collect()
}

const FIRST_NAMES: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Christopher",
    "Nancy",
    "Daniel",
    "Lisa",
    "Matthew",
    "Betty",
    "Anthony",
    "Margaret",
    "Mark",
    "Sandra",
    "Donald",
    "Ashley",
    "Steven",
    "Kimberly",
    "Paul",
    "Emily",
    "Andrew",
    "Donna",
    "Joshua",
    "Michelle",
    "Kenneth",
    "Carol",
    "Kevin",
    "Amanda",
    "Brian",
    "Dorothy",
    "George",
    "Melissa",
    "Timothy",
    "Deborah",
    "Ronald",
    "Stephanie",
    "Edward",
    "Rebecca",
    "Jason",
    "Sharon",
    "Jeffrey",
    "Laura",
    "Ryan",
    "Cynthia",
    "Jacob",
    "Kathleen",
    "Gary",
    "Amy",
    "Nicholas",
    "Angela",
    "Eric",
    "Shirley",
    "Jonathan",
    "Anna",
    "Stephen",
    "Brenda",
    "Larry",
    "Pamela",
    "Justin",
    "Emma",
    "Scott",
    "Nicole",
    "Brandon",
    "Helen",
    "Benjamin",
    "Samantha",
    "Samuel",
    "Katherine",
    "Gregory",
    "Christine",
    "Alexander",
    "Debra",
    "Frank",
    "Rachel",
    "Raymond",
    "Carolyn",
    "Patrick",
    "Janet",
    "Jack",
    "Catherine",
    "Dennis",
    "Maria",
    "Jerry",
    "Heather",
    "Tyler",
    "Diane",
    "Aaron",
    "Ruth",
    "José",
    "María",
    "Jesús",
    "Sofía",
    "Joaquín",
    "Inés",
    "Ramón",
    "Verónica",
    "Andrés",
    "Lucía",
    "Raúl",
    "Mónica",
    "Chloé",
    "Zoë",
    "Renée",
    "Noël",
    "François",
    "Hélène",
    "Björn",
    "Søren",
    "Łukasz",
    "Małgorzata",
    "Jürgen",
    "Ángel",
    "Nadège",
    "Thảo",
    "Dũng",
    "Ngọc",
    "Siobhán",
    "Seán",
    "Aoife",
    "Oğuz",
    "Ayşe",
    "Zoltán",
    "Dóra",
    "Tomáš",
    "Jiří",
    "Ana",
    "Luis",
    "Carlos",
    "Juan",
    "Miguel",
    "Wei",
    "Ming",
    "Priya",
    "Arjun",
    "Fatima",
    "Omar",
    "Kwame",
    "Ama",
    "DeShawn",
    "Keisha",
    "Kalani",
    "Mālie",
];

const SURNAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Hill",
    "Green",
    "Adams",
    "Baker",
    "Nelson",
    "Carter",
    "Mitchell",
    "Roberts",
    "Turner",
    "Phillips",
    "Campbell",
    "Parker",
    "Evans",
    "Edwards",
    "Collins",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Peterson",
    "Cooper",
    "Reed",
    "Bailey",
    "Bell",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Bennett",
    "Gray",
    "James",
    "Hughes",
    "Price",
    "Sanders",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Powell",
    "Jenkins",
    "Perry",
    "Russell",
    "Sullivan",
    "Fisher",
    "Henderson",
    "Coleman",
    "Simmons",
    "Patterson",
    "Jordan",
    "Reynolds",
    "Hamilton",
    "Graham",
    "Kim",
    "Wallace",
    "Woods",
    "Cole",
    "West",
    "Owens",
    "Marshall",
    "Ellis",
    "Stevens",
    "Tucker",
    "Porter",
    "Hunter",
    "Hicks",
    "Crawford",
    "Boyd",
    "Mason",
    "Warren",
    "Dixon",
    "Burns",
    "Gordon",
    "Shaw",
    "Holmes",
    "Rice",
    "Hunt",
    "Black",
    "Daniels",
    "Palmer",
    "Mills",
    "Grant",
    "Knight",
    "Ferguson",
    "Stone",
    "Hawkins",
    "Dunn",
    "Perkins",
    "Hudson",
    "Spencer",
    "Gardner",
    "Stephens",
    "Payne",
    "Pierce",
    "Berry",
    "Matthews",
    "Arnold",
    "Wagner",
    "Willis",
    "Ray",
    "Watkins",
    "Olson",
    "Carroll",
    "Duncan",
    "Snyder",
    "Hart",
    "Cunningham",
    "Bradley",
    "Lane",
    "Andrews",
    "Harper",
    "Fox",
    "Riley",
    "Armstrong",
    "Carpenter",
    "Weaver",
    "Greene",
    "Lawrence",
    "Elliott",
    "Chavez",
    "Sims",
    "Austin",
    "Peters",
    "Kelley",
    "Franklin",
    "Lawson",
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Núñez",
    "Peña",
    "Jiménez",
    "Gómez",
    "Díaz",
    "Vázquez",
    "Velázquez",
    "Muñoz",
    "Ibáñez",
    "Suárez",
    "Domínguez",
    "Gutiérrez",
    "Álvarez",
    "Castañeda",
    "Müller",
    "Schröder",
    "Weiß",
    "Dvořák",
    "Novák",
    "Šimková",
    "Kowalczyk",
    "Wiśniewski",
    "Łopez",
    "Ødegaard",
    "Jørgensen",
    "Ström",
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Đặng",
    "Yılmaz",
    "Şahin",
    "Öztürk",
    "Çelik",
    "Fernandes",
    "Gonçalves",
    "Magalhães",
    "Brontë",
    "Lefèvre",
    "Dubois",
    "Ó Briain",
    "O’Brien",
    "O’Neill",
    "D’Angelo",
    "Mac Giolla",
    "Kahananui",
    "Keliʻi",
    "Patel",
    "Shah",
    "Singh",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Okafor",
    "Mensah",
    "Abdullah",
    "Haddad",
    "Cohen",
    "Levi",
];

const NICKNAMES: &[&str] = &[
    "Chuy", "Bobby", "Sam", "Liz", "Tony", "Bea", "Kiki", "Manny",
];

const NOTES: &[&str] = &[
    "met at the town hall",
    "signed on paper, typed in later",
    "asked to be kept informed",
    "volunteer, precinct captain",
    "wants a follow-up call",
];

const TAGS: &[&str] = &[
    "petition",
    "web",
    "rally",
    "phone-bank",
    "door-knock",
    "partner",
];

/// One synthetic signer, with every field as it will be written.
pub struct Row {
    /// The name as written.
    pub name: String,
    /// The party as written (`"D"`, `"Democrat"`, `"L"`…).
    pub party: &'static str,
    /// The state as written (`"NJ"`, `"N.J."`, `"New Jersey"`…).
    pub state: String,
    /// `"house"` or `"senate"`, or `None`.
    pub chamber: Option<&'static str>,
    /// The district number, for House members.
    pub district: Option<u8>,
    /// `"lead"` or `"cosigner"`.
    pub role: &'static str,
    /// A Biographical Directory-shaped id.
    pub bioguide: Option<String>,
    /// `YYYY-MM-DD`.
    pub signed_on: Option<String>,
    /// A free-text note.
    pub note: Option<&'static str>,
    /// An unknown field the app must keep.
    pub email: Option<String>,
    /// An unknown field holding an array (JSON only).
    pub tags: Option<Vec<&'static str>>,
}

/// Makes `count` signers from `seed`; the same arguments always give the same rows.
pub struct Generator {
    rng: Rng,
    /// Each state's code and House seats.
    delegations: Vec<(&'static str, u8)>,
    /// Running sums of the delegation sizes, for drawing a state by weight.
    cumulative_seats: Vec<u32>,
    taken: HashSet<(String, usize)>,
    earlier: Vec<(String, usize)>,
    produced: usize,
    /// Signers in a million that repeat an earlier one's name and state; 0 for the
    /// original shape (one in 10,000, in capitals).
    repeats_per_million: usize,
}

impl Generator {
    /// A generator for a letter of any size, from `seed`, in which `repeat_share` (0 to 1) of the signers repeat the name and state
    /// of an earlier one.
    pub fn with_repeat_share(seed: u64, repeat_share: f64) -> Generator {
        let mut total = 0;
        let delegations = delegations();
        let cumulative_seats = delegations
            .iter()
            .map(|(_, seats)| {
                total += u32::from(*seats);
                total
            })
            .collect();
        Generator {
            delegations,
            rng: Rng::new(seed),
            cumulative_seats,
            taken: HashSet::new(),
            earlier: Vec::new(),
            produced: 0,
            repeats_per_million: (repeat_share.clamp(0.0, 1.0) * 1e6).round() as usize,
        }
    }

    fn state_slot(&mut self) -> usize {
        let total = *self.cumulative_seats.last().unwrap_or(&1);
        let ticket = self.rng.below(total as usize) as u32;
        self.cumulative_seats.partition_point(|&c| c <= ticket)
    }

    fn name(&mut self) -> String {
        let first = *self.rng.pick(FIRST_NAMES);
        let surname = *self.rng.pick(SURNAMES);
        let mut name = String::with_capacity(32);
        name.push_str(first);
        if self.rng.chance(10) {
            name.push_str(" \"");
            name.push_str(self.rng.pick::<&str>(NICKNAMES));
            name.push('"');
        }
        if self.rng.chance(5_500) {
            name.push(' ');
            name.push(char::from(b'A' + self.rng.below(26) as u8));
            name.push('.');
        }
        name.push(' ');
        name.push_str(surname);
        if self.rng.chance(800) {
            name.push('-');
            name.push_str(self.rng.pick::<&str>(SURNAMES));
        }
        if self.rng.chance(150) {
            name.push_str(self.rng.pick::<&str>(&[" Jr.", " Sr.", " III"]));
        }
        name
    }

    /// The next signer.
    pub fn row(&mut self) -> Row {
        let index = self.produced;
        self.produced += 1;
        let repeat = if self.repeats_per_million > 0 {
            // Any earlier signer's name and state, written as it was.
            index > 0 && self.rng.below(1_000_000) < self.repeats_per_million
        } else {
            // One in 10,000 repeats an earlier signer in capitals: a duplicate to warn about.
            index > 100 && self.rng.chance(1)
        };
        let (name, slot) = if repeat && self.repeats_per_million > 0 {
            self.rng.pick(&self.earlier).clone()
        } else if repeat {
            let (name, slot) = self.rng.pick(&self.earlier).clone();
            (name.to_uppercase(), slot)
        } else {
            loop {
                let slot = self.state_slot();
                let name = self.name();
                let key = (signer_dashboard::text::fold(&name), slot);
                if !self.taken.contains(&key) {
                    self.taken.insert(key);
                    break (name, slot);
                }
            }
        };
        if !repeat && (self.earlier.len() < 4096 || self.repeats_per_million > 0) {
            self.earlier.push((name.clone(), slot));
        }
        let (code, seats) = self.delegations[slot];
        let rng = &mut self.rng;
        let state = match rng.below(100) {
            0..=2 => state_name(code).to_owned(),
            3 => code.chars().flat_map(|c| [c, '.']).collect(),
            4 => code.to_ascii_lowercase(),
            _ => code.to_owned(),
        };
        let party = match rng.below(1000) {
            0..=474 => "D",
            475..=929 => "R",
            930..=969 => "I",
            970..=979 => "Democrat",
            980..=989 => "Republican",
            990..=994 => "L",
            995..=997 => "G",
            _ => "Ind.",
        };
        let is_state = !matches!(code, "DC" | "PR" | "GU" | "VI" | "AS" | "MP");
        let chamber = match rng.below(100) {
            0..=1 => None,
            2..=11 if is_state => Some("senate"),
            _ => Some("house"),
        };
        let district = (chamber == Some("house")).then(|| {
            if seats <= 1 {
                0
            } else {
                1 + rng.below(usize::from(seats)) as u8
            }
        });
        let role = if index < 8 || rng.chance(5) {
            "lead"
        } else {
            "cosigner"
        };
        let bioguide = rng.chance(7_000).then(|| {
            let initial = name
                .chars()
                .rev()
                .find(char::is_ascii_alphabetic)
                .unwrap_or('X')
                .to_ascii_uppercase();
            format!("{initial}{:06}", rng.below(1_000_000))
        });
        let signed_on = rng.chance(9_000).then(|| day_of_2025(rng.below(180)));
        let note = rng.chance(100).then(|| *rng.pick(NOTES));
        let email = rng.chance(300).then(|| {
            let local: String = signer_dashboard::text::fold(&name)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            format!("{local}{}@example.org", rng.below(100))
        });
        let tags = rng.chance(100).then(|| {
            let count = 1 + rng.below(3);
            (0..count).map(|_| *rng.pick(TAGS)).collect()
        });
        Row {
            name,
            party,
            state,
            chamber,
            district,
            role,
            bioguide,
            signed_on,
            note,
            email,
            tags,
        }
    }
}

fn state_name(code: &str) -> &'static str {
    signer_dashboard::model::State::from_code(code).map_or("Unknown", |s| s.name())
}

fn day_of_2025(day_of_year: usize) -> String {
    const MONTH_DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut day = day_of_year;
    for (month, days) in MONTH_DAYS.iter().enumerate() {
        if day < *days {
            return format!("2025-{:02}-{:02}", month + 1, day + 1);
        }
        day -= days;
    }
    "2025-12-31".to_owned()
}

fn json_string(out: &mut impl Write, text: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, text).map_err(io::Error::other)
}

/// Writes a letter file of `count` signers: the letter, one signer per line, six demands.
pub fn write_json(out: &mut impl Write, count: usize, seed: u64) -> io::Result<()> {
    write_json_repeating(out, count, seed, 0.0)
}

/// [`write_json`] with `repeat_share` of the signers repeating an earlier name and state.
pub fn write_json_repeating(
    out: &mut impl Write,
    count: usize,
    seed: u64,
    repeat_share: f64,
) -> io::Result<()> {
    let mut generator = Generator::with_repeat_share(seed, repeat_share);
    writeln!(out, "{{")?;
    writeln!(out, "  \"letter\": {{")?;
    writeln!(
        out,
        "    \"title\": \"Synthetic campaign of {count} signers (seed {seed})\","
    )?;
    writeln!(out, "    \"date\": \"2025-06-30\",")?;
    writeln!(
        out,
        "    \"organization\": \"Benchmark Campaign Committee\","
    )?;
    writeln!(
        out,
        "    \"recipients\": [\"Secretary of State\", \"National Security Advisor\"],"
    )?;
    writeln!(out, "    \"generator\": \"examples/generate\"")?;
    writeln!(out, "  }},")?;
    writeln!(out, "  \"signers\": [")?;
    for i in 0..count {
        let row = generator.row();
        out.write_all(b"    {\"name\":")?;
        json_string(out, &row.name)?;
        write!(out, ",\"party\":\"{}\",\"state\":", row.party)?;
        json_string(out, &row.state)?;
        if let Some(chamber) = row.chamber {
            write!(out, ",\"chamber\":\"{chamber}\"")?;
        }
        if let Some(district) = row.district {
            write!(out, ",\"district\":{district}")?;
        }
        if row.role == "lead" || i % 4 != 0 {
            write!(out, ",\"role\":\"{}\"", row.role)?;
        }
        if let Some(bioguide) = &row.bioguide {
            write!(out, ",\"bioguide\":\"{bioguide}\"")?;
        }
        if let Some(signed_on) = &row.signed_on {
            write!(out, ",\"signed_on\":\"{signed_on}\"")?;
        }
        if let Some(note) = row.note {
            write!(out, ",\"note\":\"{note}\"")?;
        }
        if let Some(email) = &row.email {
            write!(out, ",\"email\":\"{email}\"")?;
        }
        if let Some(tags) = &row.tags {
            out.write_all(b",\"tags\":")?;
            serde_json::to_writer(&mut *out, tags).map_err(io::Error::other)?;
        }
        out.write_all(if i + 1 == count { b"}\n" } else { b"},\n" })?;
    }
    writeln!(out, "  ],")?;
    writeln!(out, "  \"demands\": [")?;
    for d in 1..=6 {
        let status = match d {
            1 => "met",
            2 => "in_progress",
            _ => "open",
        };
        let comma = if d == 6 { "" } else { "," };
        writeln!(
            out,
            "    {{\"id\": \"demand-{d}\", \"text\": \"Synthetic demand number {d}\", \"status\": \"{status}\"}}{comma}"
        )?;
    }
    writeln!(out, "  ]")?;
    writeln!(out, "}}")?;
    out.flush()
}

/// Writes a signers table of `count` rows, with an unknown `email` column.
pub fn write_csv(out: &mut impl Write, count: usize, seed: u64) -> io::Result<()> {
    write_csv_repeating(out, count, seed, 0.0)
}

/// [`write_csv`] with `repeat_share` of the signers repeating an earlier name and state.
pub fn write_csv_repeating(
    out: &mut impl Write,
    count: usize,
    seed: u64,
    repeat_share: f64,
) -> io::Result<()> {
    let mut generator = Generator::with_repeat_share(seed, repeat_share);
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "name",
        "party",
        "state",
        "chamber",
        "district",
        "role",
        "bioguide",
        "signed_on",
        "note",
        "email",
    ])?;
    let mut district = String::new();
    for _ in 0..count {
        let row = generator.row();
        district.clear();
        if let Some(d) = row.district {
            district.push_str(&d.to_string());
        }
        writer.write_record([
            row.name.as_str(),
            row.party,
            &row.state,
            row.chamber.unwrap_or(""),
            &district,
            row.role,
            row.bioguide.as_deref().unwrap_or(""),
            row.signed_on.as_deref().unwrap_or(""),
            row.note.unwrap_or(""),
            row.email.as_deref().unwrap_or(""),
        ])?;
    }
    writer.flush()
}
