//! The committee files (`committee-membership-current.yaml`, and `committees-current.yaml`
//! for the names): `Committees::parse` must not panic, and what it reads must hang
//! together: every seat names a committee that is found again by its id, and every
//! member's seats can be described.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard::roster::committees::Committees;
use signer_dashboard_fuzz::timed;
use std::path::Path;

/// A small committees file, so that the fuzzed membership also meets named committees.
const NAMES: &str = "- type: house\n  name: House Committee on Foreign Affairs\n  thomas_id: HSFA\n  subcommittees:\n  - name: Europe\n    thomas_id: '14'\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    timed("committees", data, || {
        let membership = Path::new("committee-membership-current.yaml");
        let names = Path::new("committees-current.yaml");
        for result in [
            Committees::parse((membership, text), None),
            Committees::parse((membership, text), Some((names, NAMES))),
            // The fuzzed text as the names file, over an empty membership.
            Committees::parse((membership, "{}"), Some((names, text))),
        ] {
            let Ok(committees) = result else { continue };
            for (bioguide, seats) in committees.members() {
                for seat in seats {
                    let committee = committees.committee(seat.committee);
                    assert_eq!(committees.find(&committee.id), Some(seat.committee));
                    if let Some(parent) = committee.parent {
                        assert!(committees.committee(parent).parent.is_none(), "a subcommittee's parent is a committee");
                    }
                }
                assert_eq!(committees.describe(bioguide).is_empty(), seats.is_empty());
            }
        }
    });
});
