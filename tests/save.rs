//! Saving a letter back: nothing the user wrote is lost, the output is stable, a failed
//! save leaves the file as it was, and the first save keeps a backup.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{fixture, load_fixture, repo_root};
use signer_dashboard::edit::{Edit, History};
use signer_dashboard::export::write_atomically;
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::{DemandStatus, Letter};
use signer_dashboard::save::{FileStamp, backup_path, save_letter, write_letter};
use std::io::{self, Write};
use std::path::Path;

fn to_text(letter: &Letter) -> String {
    let mut out = Vec::new();
    write_letter(&mut out, letter).unwrap();
    String::from_utf8(out).unwrap()
}

fn reload(text: &str) -> Letter {
    load::load_bytes(Path::new("saved.json"), text.as_bytes(), SourceFormat::Json)
        .unwrap()
        .letter
}

#[test]
fn the_sample_round_trips_to_the_same_letter_and_the_same_bytes() {
    let letter = load::sample();
    let text = to_text(&letter);
    let again = reload(&text);
    assert_eq!(again, letter);
    assert_eq!(to_text(&again), text, "saving twice gives the same bytes");
    // The bundled sample is itself in the saved form: a save of it changes nothing.
    let shipped =
        std::fs::read_to_string(repo_root().join("sample_data/armenian-caucus-2025-04-08.json"))
            .unwrap();
    assert_eq!(text, shipped);
}

#[test]
fn unknown_fields_are_kept_at_every_level_in_a_fixed_key_order() {
    let letter = load_fixture("save/extras.json").letter;
    let text = to_text(&letter);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        keys(&value),
        [
            "letter",
            "signers",
            "demands",
            "campaign_code",
            "staff_contact"
        ]
    );
    assert_eq!(
        keys(&value["letter"]),
        ["title", "date", "recipients", "internal_id"]
    );
    assert_eq!(value["letter"]["internal_id"], 42);
    assert_eq!(
        keys(&value["signers"][0]),
        [
            "name", "party", "state", "chamber", "district", "role", "twitter"
        ]
    );
    assert_eq!(
        value["signers"][0]["state"], "Californa",
        "an unrecognised state is written back as it was"
    );
    assert_eq!(value["signers"][0]["party"], "L");
    assert_eq!(
        value["signers"][1]["party"], "D",
        "long forms are written as codes"
    );
    assert_eq!(value["signers"][1]["state"], "NJ");
    assert_eq!(value["signers"][1]["office"]["room"], "2107 RHOB");
    assert_eq!(keys(&value["signers"][2]), ["name", "role"]);
    assert_eq!(
        keys(&value["demands"][0]),
        ["id", "text", "status", "priority"]
    );
    assert_eq!(value["demands"][1]["id"], "d2");
    assert_eq!(
        value["demands"][1]["tags"],
        serde_json::json!(["aid", "budget"])
    );
    assert_eq!(value["staff_contact"]["email"], "dana@example.org");

    let again = reload(&text);
    assert_eq!(again, letter);
    assert_eq!(to_text(&again), text);
}

#[test]
fn a_letter_read_from_csv_saves_as_a_json_letter() {
    let csv =
        load::load_path(&repo_root().join("sample_data/armenian-caucus-2025-04-08-signers.csv"))
            .unwrap();
    let text = to_text(&csv.letter);
    let again = reload(&text);
    assert_eq!(again.signers, csv.letter.signers);
    assert!(again.demands.is_empty());
}

#[test]
fn the_first_save_keeps_the_original_as_bak_and_later_saves_do_not_touch_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("letter.json");
    let original = std::fs::read(fixture("save/extras.json")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let mut letter = load::load_path(&path).unwrap().letter;

    letter.demands[1].status = DemandStatus::Met;
    save_letter(&path, &letter).unwrap();
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), original);
    assert_eq!(load::load_path(&path).unwrap().letter, letter);

    letter.demands[0].status = DemandStatus::Open;
    save_letter(&path, &letter).unwrap();
    assert_eq!(
        std::fs::read(backup_path(&path)).unwrap(),
        original,
        "the backup is the original"
    );
    assert_eq!(load::load_path(&path).unwrap().letter, letter);
}

#[test]
fn saving_a_new_file_makes_no_backup() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("new.json");
    let stamp = save_letter(&path, &load::sample()).unwrap();
    assert!(!backup_path(&path).exists());
    assert_eq!(stamp, FileStamp::of(&path));
}

/// A disk that fills up after `room` bytes.
struct FullDisk<'a> {
    inner: &'a mut dyn Write,
    room: usize,
}

impl Write for FullDisk<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        self.inner.write(&buf[..n])
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[test]
fn a_save_that_fails_half_way_leaves_the_original_intact_and_no_temporary_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("letter.json");
    let original = std::fs::read(fixture("save/extras.json")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let letter = load::sample();
    let result = write_atomically(&path, |out| {
        write_letter(
            &mut FullDisk {
                inner: out,
                room: 500,
            },
            &letter,
        )
    });
    let error = result.unwrap_err().to_string();
    assert!(error.contains("letter.json"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let names: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["letter.json"]);
}

#[test]
fn a_file_changed_by_another_program_has_a_new_stamp() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("letter.json");
    std::fs::write(&path, "{}").unwrap();
    let stamp = FileStamp::of(&path).unwrap();
    assert_eq!(FileStamp::of(&path), Some(stamp));
    std::fs::write(&path, "{\"changed\": true}").unwrap();
    assert_ne!(FileStamp::of(&path), Some(stamp));
    std::fs::remove_file(&path).unwrap();
    assert_eq!(FileStamp::of(&path), None);
}

#[test]
fn undo_and_redo_restore_the_exact_letter() {
    let mut letter = load::sample();
    let start = letter.clone();
    let mut history = History::default();

    let mut met = letter.demands[2].clone();
    met.status = DemandStatus::Met;
    let tick = Edit::Demand {
        index: 2,
        before: Some(Box::new(letter.demands[2].clone())),
        after: Some(Box::new(met)),
    };
    assert!(history.apply(&mut letter, tick, None));
    let removed = Edit::Signer {
        index: 0,
        before: Some(Box::new(letter.signers[0].clone())),
        after: None,
    };
    assert!(history.apply(&mut letter, removed, None));
    let mut added = letter.signers[0].clone();
    added.name = "Someone New".into();
    let add = Edit::Signer {
        index: 24,
        before: None,
        after: Some(Box::new(added)),
    };
    assert!(history.apply(&mut letter, add, None));
    let after_all = letter.clone();
    assert_eq!(letter.signers.len(), 25);
    assert_eq!(letter.signers[24].name.as_ref(), "Someone New");
    assert_eq!(letter.signers[0].name.as_ref(), "David Valadao");

    while history.undo(&mut letter) {}
    assert_eq!(letter, start);
    assert!(!history.can_undo());
    while history.redo(&mut letter) {}
    assert_eq!(letter, after_all);
    assert!(!history.can_redo());
}

#[test]
fn typing_a_note_is_one_undo_step_and_a_new_edit_clears_redo() {
    let mut letter = load::sample();
    let mut history = History::default();
    for note in ["C", "Ca", "Cal", "Call"] {
        let mut demand = letter.demands[0].clone();
        demand.note = Some(note.into());
        let edit = Edit::Demand {
            index: 0,
            before: Some(Box::new(letter.demands[0].clone())),
            after: Some(Box::new(demand)),
        };
        history.apply(&mut letter, edit, Some("note 0".into()));
    }
    assert_eq!(letter.demands[0].note.as_deref(), Some("Call"));
    assert!(history.undo(&mut letter));
    assert_eq!(letter.demands[0].note, None);
    assert!(!history.can_undo());
    assert!(history.can_redo());
    let mut demand = letter.demands[1].clone();
    demand.status = DemandStatus::Met;
    let edit = Edit::Demand {
        index: 1,
        before: Some(Box::new(letter.demands[1].clone())),
        after: Some(Box::new(demand)),
    };
    history.apply(&mut letter, edit, None);
    assert!(!history.can_redo());
}

#[test]
fn an_edit_out_of_range_changes_nothing() {
    let mut letter = load::sample();
    let start = letter.clone();
    let mut history = History::default();
    let edit = Edit::Signer {
        index: 99,
        before: Some(Box::new(letter.signers[0].clone())),
        after: None,
    };
    assert!(!history.apply(&mut letter, edit, None));
    assert_eq!(letter, start);
    assert!(!history.can_undo());
}
