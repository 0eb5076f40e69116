//! tepat
