//! Whether a folder lives on a file system whose change events cannot be trusted: inotify
//! sees only this machine's writes, so on NFS, SMB, a FUSE mount (sshfs, rclone, office sync
//! clients) or a cluster file system a colleague's save never arrives as an event.

use std::path::Path;

/// The file system `dir` is on, by name, when it is one whose events miss others' writes;
/// `None` for a local disk, or when it cannot be told.
#[cfg(target_os = "linux")]
pub fn network_share(dir: &Path) -> Option<&'static str> {
    let st = rustix::fs::statfs(dir).ok()?;
    // Magic numbers are 32 bits; the field is wider and signed on some targets.
    #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
    let magic = i64::from(st.f_type) as u64 & 0xFFFF_FFFF;
    share_kind(magic)
}

#[cfg(not(target_os = "linux"))]
pub fn network_share(_dir: &Path) -> Option<&'static str> {
    None
}

/// Linux's `f_type` magic numbers (linux/magic.h and the file systems' own headers) of the
/// shared and remote file systems.
pub fn share_kind(magic: u64) -> Option<&'static str> {
    Some(match magic {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x6573_5546 => "FUSE",
        0x0102_1997 => "9p",
        0x00C3_6400 => "Ceph",
        0x5346_414F | 0x6B41_4653 => "AFS",
        0x7375_7245 => "Coda",
        0x564C => "NCP",
        0x0BD0_0BD0 => "Lustre",
        0x4750_4653 => "GPFS",
        0x0116_1970 => "GFS2",
        0x7461_636F => "OCFS2",
        0x2003_0528 => "OrangeFS",
        0x786F_4256 => "vboxsf",
        0x7C7C_6673 => "prl_fs",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_named_and_local_disks_are_not() {
        assert_eq!(share_kind(0x6969), Some("NFS"));
        assert_eq!(share_kind(0xFF53_4D42), Some("CIFS"));
        assert_eq!(share_kind(0x6573_5546), Some("FUSE"));
        // ext4, tmpfs, btrfs, xfs, overlayfs
        for local in [0xEF53, 0x0102_1994, 0x9123_683E, 0x5846_5342, 0x794C_7630] {
            assert_eq!(share_kind(local), None, "{local:#x}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_temp_folder_is_not_a_share() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(network_share(dir.path()), None);
    }
}
