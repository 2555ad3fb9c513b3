//! A small HTTP/1.1 load generator for `casus serve` on loopback
//! (bench/serve-load.sh runs it). Keep-alive connections each send one
//! GET after another; it stops after `--requests` answers or `--seconds`,
//! whichever comes first, and prints throughput and latency percentiles.
//!
//! Loopback only: the address must be 127.0.0.0/8 or [::1].
//!
//! cargo run --release -p casus-server --example load -- \
//!     --addr 127.0.0.1:8080 --path '/api/why?…' --connections 32 --requests 200000 --seconds 20 [--gzip]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Options {
    addr: SocketAddr,
    path: String,
    connections: usize,
    requests: u64,
    seconds: u64,
    /// Send `Accept-Encoding: gzip, br`, as browsers do.
    gzip: bool,
}

fn options() -> Result<Options, String> {
    let mut addr = None;
    let mut path = "/healthz".to_string();
    let mut connections = 32;
    let mut requests = 100_000;
    let mut seconds = 20;
    let mut gzip = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--gzip" {
            gzip = true;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number"))
        };
        match flag.as_str() {
            "--addr" => addr = Some(value.parse::<SocketAddr>().map_err(|e| e.to_string())?),
            "--path" => path = value.clone(),
            "--connections" => connections = number()? as usize,
            "--requests" => requests = number()?,
            "--seconds" => seconds = number()?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let addr = addr.ok_or("--addr is required")?;
    if !addr.ip().is_loopback() {
        return Err(format!("{addr} is not a loopback address"));
    }
    if connections == 0 || requests == 0 || seconds == 0 || seconds > 600 {
        return Err("connections and requests must be positive; seconds in 1..=600".into());
    }
    Ok(Options {
        addr,
        path,
        connections,
        requests,
        seconds,
        gzip,
    })
}

/// Read one response; its status.
async fn read_response(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    chunk: &mut [u8],
) -> std::io::Result<u16> {
    buf.clear();
    let header_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| std::io::Error::other("no content-length"))?;
    while buf.len() < header_end + length {
        let n = stream.read(chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(status)
}

struct Tally {
    latencies_us: Vec<u32>,
    errors: u64,
}

async fn connection(options: Arc<Options>, sent: Arc<AtomicU64>, deadline: Instant) -> Tally {
    let mut tally = Tally {
        latencies_us: Vec::new(),
        errors: 0,
    };
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: casus-load\r\n{}\r\n",
        options.path,
        options.addr,
        if options.gzip {
            "Accept-Encoding: gzip, br\r\n"
        } else {
            ""
        }
    );
    let Ok(mut stream) = TcpStream::connect(options.addr).await else {
        tally.errors += 1;
        return tally;
    };
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::with_capacity(256 * 1024);
    let mut chunk = vec![0u8; 128 * 1024];
    while Instant::now() < deadline && sent.fetch_add(1, Ordering::Relaxed) < options.requests {
        let start = Instant::now();
        let ok = match stream.write_all(request.as_bytes()).await {
            Ok(()) => read_response(&mut stream, &mut buf, &mut chunk).await,
            Err(e) => Err(e),
        };
        match ok {
            Ok(200) => tally
                .latencies_us
                .push(start.elapsed().as_micros().min(u128::from(u32::MAX)) as u32),
            Ok(_) => tally.errors += 1,
            Err(_) => {
                tally.errors += 1;
                break;
            }
        }
    }
    tally
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i]) / 1000.0
}

fn main() {
    let options = match options() {
        Ok(o) => Arc::new(o),
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(1);
        }
    };
    let sent = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let deadline = start + Duration::from_secs(options.seconds);
    let tallies = runtime.block_on(async {
        let tasks: Vec<_> = (0..options.connections)
            .map(|_| tokio::spawn(connection(options.clone(), sent.clone(), deadline)))
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            if let Ok(tally) = t.await {
                out.push(tally);
            }
        }
        out
    });
    let elapsed = start.elapsed().as_secs_f64();
    let mut all: Vec<u32> = tallies
        .iter()
        .flat_map(|t| t.latencies_us.iter().copied())
        .collect();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    all.sort_unstable();
    println!("path:        {}", options.path);
    println!(
        "connections: {}{}",
        options.connections,
        if options.gzip {
            " (Accept-Encoding: gzip, br)"
        } else {
            ""
        }
    );
    println!(
        "answered:    {} (200 OK), {errors} errors, in {elapsed:.2} s",
        all.len()
    );
    println!("throughput:  {:.0} requests/s", all.len() as f64 / elapsed);
    println!(
        "latency ms:  p50 {:.3}  p90 {:.3}  p99 {:.3}  p99.9 {:.3}  max {:.3}",
        percentile(&all, 0.50),
        percentile(&all, 0.90),
        percentile(&all, 0.99),
        percentile(&all, 0.999),
        percentile(&all, 1.0)
    );
}
