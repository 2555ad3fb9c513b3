//! The casus web app's files, embedded at build time.
