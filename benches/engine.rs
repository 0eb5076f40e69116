//! One replication of each default scenario (and of each strategy of the mitigations file)
//! and of the reference network
//! (`cargo bench --bench engine`). See docs/performance.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use tepat::engine::{Acc, Scratch};
use tepat::model::Model;

fn load(path: &str) -> Model {
    let loaded = tepat::scenario::load(Path::new(path)).expect("scenario loads");
    tepat::model::compile(&loaded).expect("scenario compiles")
}

fn one_replication(c: &mut Criterion, name: &str, m: &Model) {
    let mut scratch = Scratch::new(m);
    let mut acc = Acc::new(m);
    let mut crit = vec![false; m.links.len()];
    let mut r = 0u64;
    c.bench_function(name, |b| {
        b.iter(|| {
            scratch.replicate(m, 2024, r);
            acc.add(m, &scratch, &mut crit);
            r += 1;
            black_box(scratch.late_total)
        })
    });
}

fn engine(c: &mut Criterion) {
    for name in ["bengkalis-2024", "bengkalis-2024-wet"] {
        let m = load(&format!("scenarios/{name}.toml"));
        one_replication(c, &format!("replication/{name}"), &m);
    }
    // The mitigations file: its baseline is bengkalis-2024; each strategy is its own model.
    let loaded = tepat::scenario::load(Path::new("scenarios/bengkalis-2024-mitigations.toml"))
        .expect("scenario loads");
    let base = tepat::model::compile(&loaded).expect("scenario compiles");
    for s in tepat::strategy::compile_all(&loaded, &base).expect("strategies compile") {
        one_replication(
            c,
            &format!("replication/bengkalis-2024-mitigations/{}", s.name),
            &s.model,
        );
    }
    let text = tepat::generate::reference();
    let m = tepat::pipeline::model_from_str("reference.toml", &text).expect("reference");
    one_replication(c, "replication/reference", &m);
}

criterion_group!(benches, engine);
criterion_main!(benches);
