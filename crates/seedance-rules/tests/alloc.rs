//! Allocation counting (being written).
