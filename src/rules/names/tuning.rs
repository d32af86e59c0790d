//! The name rules' tuning numbers, named, in one place.

/// How much a fix must beat the best other person to be applied.
pub(super) const MARGIN: f32 = 0.05;
