//! `ArrowStream`: Arrow IPC stream bytes built in Rust, lent to Python
//! through the buffer protocol so pyarrow reads them where they lie
//! (`pyarrow.py_buffer(stream)` → `pyarrow.ipc.open_stream`), with no copy
//! into a `bytes` object.

use std::ffi::{c_int, c_void};

use pyo3::ffi;
use pyo3::prelude::*;

/// Immutable bytes owned by Rust; the buffer views keep the object alive.
#[pyclass(frozen, module = "casus._casus")]
pub struct ArrowStream {
    bytes: Vec<u8>,
}

impl ArrowStream {
    pub fn new(bytes: Vec<u8>) -> ArrowStream {
        ArrowStream { bytes }
    }
}

#[pymethods]
impl ArrowStream {
    fn __len__(&self) -> usize {
        self.bytes.len()
    }

    /// A read-only, contiguous view of the bytes.
    ///
    /// # Safety
    /// Called by Python with a valid `view`. The bytes never move or change
    /// after construction (the class is frozen and `bytes` is never
    /// mutated), and `PyBuffer_FillInfo` stores a new reference to `slf` in
    /// the view, so the pointer stays valid for as long as any view exists.
    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        let bytes = &slf.get().bytes;
        let len = ffi::Py_ssize_t::try_from(bytes.len()).map_err(|_| {
            pyo3::exceptions::PyBufferError::new_err("the stream is too large for a buffer")
        })?;
        // readonly = 1: a request for a writable view fails with BufferError.
        // SAFETY: see above; `view` comes from Python's buffer machinery.
        let status = unsafe {
            ffi::PyBuffer_FillInfo(
                view,
                slf.as_ptr(),
                bytes.as_ptr() as *mut c_void,
                len,
                1,
                flags,
            )
        };
        if status == 0 {
            Ok(())
        } else {
            Err(PyErr::fetch(slf.py()))
        }
    }
}
