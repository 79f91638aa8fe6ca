//! Command-line interface: clap definitions and one module per command group.
