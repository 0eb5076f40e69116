//! `[[fleet]]` (vehicle types) and `[[escort]]` (escort pools).

use super::check::{Ck, Index};
use crate::lang::msg;
use crate::model::{Escort, Fleet};
use crate::scenario::{KeyPath, ScenarioFile};

/// The most escort teams a pool may have.
const MAX_TEAMS: u32 = 100_000;

/// Check and compile the fleets.
pub(super) fn fleets(ck: &mut Ck, f: &ScenarioFile) -> (Vec<Fleet>, Index) {
    let index = Index::new(ck, "fleet", f.fleet.iter().map(|x| x.name.as_str()));
    let fleets = f
        .fleet
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let p = KeyPath::root().key("fleet").index(i);
            if x.count == 0 {
                ck.err(p.key("count"), msg!("e501"), None);
            }
            Fleet {
                name: x.name.clone(),
                capacity: ck.positive(p.key("capacity"), x.capacity, "capacity"),
                count: x.count.max(1),
                return_time: ck.opt_dist(p.key("return_time"), &x.return_time),
            }
        })
        .collect();
    (fleets, index)
}

/// Check and compile the escort pools.
pub(super) fn escorts(ck: &mut Ck, f: &ScenarioFile) -> (Vec<Escort>, Index) {
    let index = Index::new(ck, "escort", f.escort.iter().map(|x| x.name.as_str()));
    let escorts = f
        .escort
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let p = KeyPath::root().key("escort").index(i);
            if x.teams == 0 {
                ck.err(p.key("teams"), msg!("e502"), Some(msg!("e502-help")));
            }
            if x.teams > MAX_TEAMS {
                ck.err(p.key("teams"), msg!("e503"), None);
            }
            Escort {
                name: x.name.clone(),
                teams: x.teams.clamp(1, MAX_TEAMS),
                return_time: ck.opt_dist(p.key("return_time"), &x.return_time),
            }
        })
        .collect();
    (escorts, index)
}
