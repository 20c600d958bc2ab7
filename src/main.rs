//! The `smm-path` binary; everything lives in the library.

fn main() -> std::process::ExitCode {
    smm_path::main()
}
