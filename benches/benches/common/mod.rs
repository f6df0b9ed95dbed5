//! What the three benchmark files share: a configuration short enough for a
//! 2-core machine (1 s warm-up, 3 s measurement; the command line overrides it).

use std::time::Duration;

use criterion::Criterion;

pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
}
