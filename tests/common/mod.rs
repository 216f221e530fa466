//! The binary as the integration tests run it: output independent of the terminal, the
//! environment and the user's own catalogues.

use assert_cmd::Command;

pub fn chaterr() -> Command {
    let mut cmd = Command::cargo_bin("chaterr").unwrap();
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CHATERR_CATALOG")
        .env("XDG_CONFIG_HOME", "/nonexistent/chaterr-tests")
        .env("COLUMNS", "100");
    cmd
}
