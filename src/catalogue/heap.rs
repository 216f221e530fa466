//! The heap made ready for a large user catalogue. Loading and searching 100,000 entries (15.5 MB
//! of TOML) takes a heap of about 105 MB; taken from the system 4 KiB at a time, that is 35,000
//! page faults, a quarter of the search's time on a virtual machine. Before such a file is read,
//! glibc's allocator is told to keep what is freed (no trimming, no separate mappings below
//! 32 MiB) and to grow the heap ahead of need, and the system to back that part of the heap
//! with 2 MiB pages where it can (transparent huge pages, which the system may refuse): the
//! faults fall to about a thousand. Smaller files, and systems other than Linux with glibc,
//! change nothing.

/// From this size on a catalogue file is large: about 25,000 generated entries.
const LARGE_FILE: u64 = 4 << 20;

/// A catalogue file of `bytes` is about to be read.
pub fn expect_file(bytes: u64) {
    if bytes >= LARGE_FILE {
        imp::prepare(bytes);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod imp {
    use std::sync::Once;

    /// The heap a byte of catalogue text comes to, loaded and searched (105 MB for 15.5 MB).
    const HEAP_PER_BYTE: u64 = 8;
    /// The most heap grown ahead of need; a larger catalogue grows the heap as it goes.
    const MOST_AHEAD: u64 = 512 << 20;
    /// The largest size glibc accepts for the threshold of separate mappings.
    const MMAP_THRESHOLD: libc::c_int = 32 << 20;
    /// What the heap grows by ahead of need afterwards.
    const TOP_PAD: libc::c_int = 16 << 20;
    const HUGE_PAGE: usize = 2 << 20;

    pub fn prepare(bytes: u64) {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            let ahead = bytes.saturating_mul(HEAP_PER_BYTE).min(MOST_AHEAD) as usize;
            // SAFETY: mallopt changes the allocator's parameters, which it reads under its own
            // lock; malloc and free are paired; sbrk(0) only reads the program break; madvise
            // asks for huge pages over part of the heap, which changes how its pages are backed,
            // never their contents, and fails harmlessly where the system does not allow it.
            unsafe {
                libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
                libc::mallopt(libc::M_TRIM_THRESHOLD, libc::c_int::MAX);
                libc::mallopt(libc::M_TOP_PAD, ahead as libc::c_int);
                // An allocation larger than what the heap holds free grows it by `ahead` more,
                // which stays in the heap when freed (`black_box`: not an allocation the
                // compiler may leave out as unused).
                let grow = std::hint::black_box(libc::malloc(1 << 20));
                libc::free(grow);
                libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
                let end = libc::sbrk(0) as usize;
                let start = end.saturating_sub(ahead).next_multiple_of(HUGE_PAGE);
                if end > start {
                    libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
                }
            }
        });
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    pub fn prepare(_bytes: u64) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heap_made_ready_allocates_and_frees_as_before() {
        expect_file(LARGE_FILE);
        expect_file(LARGE_FILE * 4); // once only: the second call changes nothing
        let blocks: Vec<Vec<u8>> = (0..2000_u32).map(|i| vec![i as u8; 8192]).collect();
        assert!(
            blocks
                .iter()
                .enumerate()
                .all(|(i, b)| b.iter().all(|&x| x == i as u8))
        );
        let large = vec![7_u8; 40 << 20];
        assert_eq!(
            large.iter().map(|&x| u64::from(x)).sum::<u64>(),
            7 * (40 << 20)
        );
    }
}
