//! Embeds the practice cases of `questionnaires/cases/*.toml` in the binary, so
//! `kinscreen practice` works wherever the program is copied.

use std::fmt::Write;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/cases");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("/// The built-in practice cases: (file name, text).\n");
    code.push_str("pub const BUILT_IN: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // Writing to a String cannot fail.
        let _ = writeln!(code, "    ({name:?}, include_str!({:?})),", path.display());
    }
    code.push_str("];\n");
    let out = std::env::var_os("OUT_DIR").ok_or(std::io::Error::other("OUT_DIR is not set"))?;
    std::fs::write(Path::new(&out).join("cases.rs"), code)
}
