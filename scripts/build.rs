//! Lays out the release binary's code so the functions a session runs sit side by side.
//!
//! The kernel maps 64 KB of an executable around every page a program touches. Left where the
//! compiler puts them, the 1 MB of functions a session on the board runs are spread over most
//! of the binary's 7 MB of code (git history, the Excel ledger), and cost 4.5 MB of memory.
//! `scripts/startup-order.txt` (made by `scripts/startup-order.sh`) lists those functions;
//! LLD, the linker Rust uses on x86-64 Linux since 1.90, places them first. A name the build
//! does not define (another toolchain, a changed function) is skipped without a word, so a
//! stale list costs memory, never a build.
//!
//! The binary's segments are aligned to 64 KB, the size of the kernel's fault-around windows.
//! Those windows are aligned in the address space, and the loader places a binary at a
//! multiple of its segments' alignment: at 4 KB the windows cut the code at a different place
//! at every start, and the 1 MB of a session's functions touched one window more than it
//! fills, at random (peak RSS 5.0–5.3 MB over six starts; 4.75–4.9 MB aligned). Only the
//! addresses leave gaps; the file does not grow.
//!
//! Where the C library reads packed relocations (glibc 2.36 and later), the binary's
//! relocations are packed too: a start then reads 5 KB of them instead of 400 KB, and the
//! binary stays position-independent (its addresses still differ at every start).

use std::env;
use std::path::Path;
use std::process::Command;

const ORDER: &str = "scripts/startup-order.txt";

fn main() {
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-changed=scripts/build.rs");
    let release = env::var("PROFILE").is_ok_and(|p| p == "release");
    let target = env::var("TARGET").unwrap_or_default();
    let native = env::var("HOST").is_ok_and(|h| h == target);
    if !release || !native || target != "x86_64-unknown-linux-gnu" || !rustc_links_with_lld() {
        return;
    }
    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let order = Path::new(&root).join(ORDER);
    if order.is_file() {
        println!(
            "cargo:rustc-link-arg-bin=rectify=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        println!("cargo:rustc-link-arg-bin=rectify=-Wl,--no-warn-symbol-ordering");
    }
    println!("cargo:rustc-link-arg-bin=rectify=-Wl,-z,max-page-size=65536");
    if glibc_reads_packed_relocations() {
        println!("cargo:rustc-link-arg-bin=rectify=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's glibc is 2.36 or later; a binary with packed relocations does not
/// start on an older one, and the binary is built where it runs.
fn glibc_reads_packed_relocations() -> bool {
    let Ok(out) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else {
        return false;
    };
    // "glibc 2.36"
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.trim().strip_prefix("glibc ").unwrap_or("");
    at_least(version, 2, 36)
}

/// Whether a dotted version ("1.95.0", "2.36") is at least `major.minor`.
fn at_least(version: &str, major: u32, minor: u32) -> bool {
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (a, b) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    a > major || (a == major && b >= minor)
}

/// Whether this rustc links x86-64 Linux programs with LLD by default (1.90 and later); GNU ld
/// does not know the ordering option. A linker chosen in the configuration is respected too.
fn rustc_links_with_lld() -> bool {
    if env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some() {
        return false;
    }
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags.contains("linker") || flags.contains("fuse-ld") {
        return false;
    }
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let text = String::from_utf8_lossy(&out.stdout);
    at_least(text.split_whitespace().nth(1).unwrap_or(""), 1, 90)
}
