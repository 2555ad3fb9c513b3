//! `casus serve` end to end: the real binary listening on a free loopback
//! port, every endpoint and its error cases over HTTP. Answers
//! are compared with the CLI's own `--format json` output: one definition.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::json;
use serde_json::Value;

/// A `casus serve` process on 127.0.0.1:0, killed when dropped.
struct Server {
    child: Child,
    base: String,
    addr: String,
}

impl Server {
    fn start() -> Server {
        Server::start_with(Stdio::null())
    }

    fn start_with(stderr: Stdio) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_casus"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .env("CASUS_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("casus serve starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reads the first line");
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("expected `listening on http://…`, got {line:?}"))
            .to_string();
        let addr = base.trim_start_matches("http://").to_string();
        Server { child, base, addr }
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }

    /// GET `path`: the status and the parsed JSON body.
    fn get(&self, path: &str) -> (u16, Value) {
        let mut res = Server::agent()
            .get(&format!("{}{path}", self.base))
            .call()
            .expect("the server answers");
        let status = res.status().as_u16();
        let text = res
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()
            .expect("a body");
        (status, serde_json::from_str(&text).expect("a JSON body"))
    }

    /// POST `body` to `path`.
    fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let mut res = Server::agent()
            .post(&format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .send(body)
            .expect("the server answers");
        let status = res.status().as_u16();
        let text = res
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()
            .expect("a body");
        (status, serde_json::from_str(&text).expect("a JSON body"))
    }

    /// A raw HTTP/1.1 exchange: the status line and headers, lower-cased.
    fn raw_head(&self, request: &str) -> String {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        s.write_all(request.as_bytes()).expect("writes");
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let text = String::from_utf8_lossy(&buf).to_string();
        text.split("\r\n\r\n")
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }

    fn still_up(&self) {
        let (status, body) = self.get("/healthz");
        assert_eq!((status, &body["status"]), (200, &Value::from("ok")));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The error object of an error response, checked for its shape.
fn error(body: &Value) -> &Value {
    let e = &body["error"];
    assert!(e["reason"].is_string(), "an error with a reason: {body}");
    assert!(e["kind"].is_string(), "an error with a kind: {body}");
    assert!(
        e["did_you_mean"].is_array(),
        "did_you_mean is a list: {body}"
    );
    e
}

#[test]
fn founding_case_over_http_csto_not_triggered_with_peskovs_claim() {
    let server = Server::start();
    let (status, v) =
        server.get("/api/why?attacker=Azerbaijan&defender=Armenia&at=Stepanakert&on=2020-10-07");
    assert_eq!(status, 200, "{v}");
    let csto: Vec<&Value> = v["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .filter(|x| x["treaty"] == "csto" && x["kind"] == "defense" && x["beneficiary"] == "ARM")
        .collect();
    assert!(!csto.is_empty(), "CSTO Art. 4 verdicts toward Armenia");
    for x in &csto {
        assert_eq!(x["article"], "4");
        assert_eq!(x["verdict"], "not_triggered", "{x:#}");
        let peskov = x["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .find(|c| c["speaker"].as_str().unwrap_or("").contains("Peskov"))
            .expect("Peskov's claim is cited");
        assert_eq!(peskov["agrees"], true);
        assert!(x["proof"]["premises"].is_array(), "the proof tree is sent");
    }
    // One definition: the same JSON as the command line's.
    let cli = json(&[
        "why",
        "--attacker",
        "Azerbaijan",
        "--defender",
        "Armenia",
        "--at",
        "Stepanakert",
        "--on",
        "2020-10-07",
    ]);
    assert_eq!(v, cli);
    // POST with a JSON body gives the same answer.
    let (status, posted) = server.post(
        "/api/why",
        r#"{"attackers":["Azerbaijan"],"defenders":["Armenia"],"at":"Stepanakert","on":"2020-10-07"}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(posted, v);
}

#[test]
fn repeated_requests_get_the_same_answer_from_the_cache() {
    let server = Server::start();
    let path = "/api/why?attacker=AZE&defender=ARM&at=Jermuk&on=2022-09-13";
    let (_, first) = server.get(path);
    let (_, second) = server.get(path);
    assert_eq!(first, second);
    // Uncompressed (no Accept-Encoding), from the same cache entry.
    let mut s = TcpStream::connect(&server.addr).expect("connects");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    );
    s.write_all(request.as_bytes()).expect("writes");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    assert!(
        !head.to_ascii_lowercase().contains("content-encoding"),
        "{head}"
    );
    let plain: Value = serde_json::from_str(body).expect("JSON");
    assert_eq!(plain, first);
}

#[test]
fn jermuk_2022_triggers_csto_over_http() {
    let server = Server::start();
    let (status, v) = server.get("/api/why?attacker=AZE&defender=ARM&at=Jermuk&on=2022-09-13");
    assert_eq!(status, 200);
    assert!(v["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .any(|x| x["treaty"] == "csto" && x["verdict"] == "triggered"));
}

#[test]
fn every_get_endpoint_answers_as_the_cli_does() {
    let server = Server::start();
    let cases: [(&str, &[&str]); 6] = [
        (
            "/api/place?place=Stepanakert&on=2020-10-07",
            &["place", "Stepanakert", "--on", "2020-10-07"],
        ),
        (
            "/api/place?place=39.8153,46.7519&on=2020-10-07",
            &["place", "39.8153,46.7519", "--on", "2020-10-07"],
        ),
        (
            "/api/commitments?polity=Armenia&on=2024-06-01",
            &["commitments", "Armenia", "--on", "2024-06-01"],
        ),
        (
            "/api/treaties?on=2023-04-04",
            &["treaties", "--on", "2023-04-04"],
        ),
        ("/api/show?treaty=csto", &["show", "csto"]),
        (
            "/api/escalate?attacker=AZE&at=Jermuk&on=2022-09-13&max_rounds=2",
            &[
                "escalate",
                "--attacker",
                "AZE",
                "--at",
                "Jermuk",
                "--on",
                "2022-09-13",
                "--max-rounds",
                "2",
            ],
        ),
    ];
    for (path, args) in cases {
        let (status, v) = server.get(path);
        assert_eq!(status, 200, "{path}: {v}");
        assert_eq!(v, json(args), "{path} differs from casus {args:?}");
    }
    let (status, v) = server.get("/api/treaties");
    assert_eq!(status, 200);
    assert!(v
        .as_array()
        .is_some_and(|a| a.iter().any(|t| t["id"] == "nato")));
}

#[test]
fn search_is_type_ahead() {
    let server = Server::start();
    let (status, v) = server.get("/api/search?q=stepa");
    assert_eq!(status, 200);
    assert_eq!(v["results"][0]["id"], "stepanakert", "{v}");
    let (_, v) = server.get("/api/search?q=ARMEN&kinds=state");
    assert_eq!(v["results"][0]["id"], "ARM", "{v}");
    assert!(v["results"]
        .as_array()
        .expect("results")
        .iter()
        .all(|r| r["kind"] == "state"));
    let (_, v) = server.get("/api/search?q=a&limit=3");
    assert_eq!(v["results"].as_array().map(Vec::len), Some(3));
    let (status, v) = server.get("/api/search?q=a&limit=100000");
    assert_eq!(status, 400);
    assert_eq!(error(&v)["field"], "limit");
}

#[test]
fn escalate_with_monte_carlo_within_the_cap() {
    let server = Server::start();
    let (status, v) = server.post(
        "/api/escalate",
        r#"{"attackers":["AZE"],"at":"Stepanakert","on":"2020-10-07","runs":500,"seed":7}"#,
    );
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["monte_carlo"]["runs"], 500);
    assert_eq!(v["monte_carlo"]["seed"], 7);
    // Above the per-request cap: refused, naming the field.
    let (status, v) = server.post(
        "/api/escalate",
        r#"{"attackers":["AZE"],"at":"Jermuk","on":"2022-09-13","runs":1000000000}"#,
    );
    assert_eq!(status, 422, "{v}");
    let e = error(&v);
    assert_eq!(
        (&e["field"], &e["kind"]),
        (&Value::from("runs"), &Value::from("too_large"))
    );
    let (status, v) =
        server.get("/api/escalate?attacker=AZE&at=Jermuk&on=2022-09-13&runs=99999999999");
    assert_eq!(status, 422);
    assert_eq!(error(&v)["field"], "runs");
    server.still_up();
}

#[test]
fn escalate_takes_a_scenario_document() {
    let server = Server::start();
    let toml = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/jermuk.toml"),
    )
    .expect("the example scenario");
    let body = serde_json::json!({ "scenario": { "name": "jermuk.toml", "toml": toml } });
    let (status, v) = server.post("/api/escalate", &body.to_string());
    assert_eq!(status, 200, "{v}");
    assert!(v["rounds"].is_array());
    // A document naming an unknown state: its position and a suggestion.
    let bad = toml.replace(r#"by = "Azerbaijan""#, r#"by = "Azerbajan""#);
    assert_ne!(bad, toml, "the example names Azerbaijan as the attacker");
    let body = serde_json::json!({ "scenario": { "name": "jermuk.toml", "toml": bad } });
    let (status, v) = server.post("/api/escalate", &body.to_string());
    assert_eq!(status, 422, "{v}");
    let e = error(&v);
    assert_eq!(e["kind"], "document");
    assert!(
        e["reason"]
            .as_str()
            .unwrap_or("")
            .starts_with("jermuk.toml:"),
        "{e}"
    );
    assert!(
        e["did_you_mean"].as_array().is_some_and(|d| !d.is_empty()),
        "{e}"
    );
}

#[test]
fn unknown_names_are_422_with_did_you_mean() {
    let server = Server::start();
    let (status, v) = server.get("/api/why?attacker=Azerbajan&at=Stepanakert&on=2020-10-07");
    assert_eq!(status, 422);
    let e = error(&v);
    assert_eq!(
        (&e["field"], &e["kind"]),
        (&Value::from("attacker"), &Value::from("unknown"))
    );
    assert!(e["did_you_mean"]
        .as_array()
        .expect("suggestions")
        .iter()
        .any(|s| s == "Azerbaijan"));
    let (status, v) = server.get("/api/show?treaty=NATTO");
    assert_eq!(status, 422);
    assert_eq!(error(&v)["field"], "treaty");
    let (status, v) = server.get("/api/commitments?polity=Atlantis&on=2020-01-01");
    assert_eq!(status, 422);
    assert_eq!(error(&v)["field"], "polity");
    let (status, v) = server.get("/api/place?place=Nowhereville%20Qqq&on=2020-01-01");
    assert_eq!(status, 422);
    assert_eq!(error(&v)["field"], "place");
}

#[test]
fn bad_dates_and_malformed_parameters_are_400() {
    let server = Server::start();
    for path in [
        "/api/why?attacker=AZE&at=Jermuk&on=2022-13-40",
        "/api/place?place=Jermuk&on=yesterday",
        "/api/commitments?polity=ARM&on=2020-02-30",
        "/api/treaties?on=1999-1-1x",
    ] {
        let (status, v) = server.get(path);
        assert_eq!(status, 400, "{path}: {v}");
        assert_eq!(error(&v)["field"], "on", "{path}");
    }
    let (status, v) = server.get("/api/why?attacker=AZE&on=2022-09-13");
    assert_eq!(status, 400);
    assert_eq!(error(&v)["field"], "at");
    let (status, v) = server.get("/api/why?attacker=AZE&at=Jermuk&on=2022-09-13&colour=red");
    assert_eq!(status, 400);
    assert_eq!(error(&v)["field"], "colour");
    let (status, v) = server.get("/api/why?attacker=AZE&at=Jermuk&on=2022-09-13&target=sea");
    assert_eq!(status, 400);
    assert_eq!(error(&v)["field"], "target");
    let (status, v) = server.get("/api/escalate?attacker=AZE&at=Jermuk&on=2022-09-13&runs=many");
    assert_eq!(status, 400);
    assert_eq!(error(&v)["field"], "runs");
    server.still_up();
}

#[test]
fn malformed_json_bodies_are_400() {
    let server = Server::start();
    for body in [
        "{bad",
        "",
        "[1,2]",
        r#"{"attackers":"AZE"}"#,
        r#"{"at":"x","on":"y","attackers":["A"]} trailing"#,
    ] {
        let (status, v) = server.post("/api/why", body);
        assert_eq!(status, 400, "{body:?}: {v}");
        error(&v);
    }
    let (status, v) = server.post("/api/escalate", r#"{"runs":"lots"}"#);
    assert_eq!(status, 400);
    assert_eq!(error(&v)["field"], "runs");
    server.still_up();
}

#[test]
fn oversize_bodies_are_413() {
    let server = Server::start();
    // The declared length is refused before the body is read (the server
    // answers at once, so only the head and a little of the body are sent).
    let mut s = TcpStream::connect(&server.addr).expect("connects");
    let head = format!(
        "POST /api/why HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{{\"at\":\"",
        server.addr,
        1024 * 1024
    );
    s.write_all(head.as_bytes()).expect("writes");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let (status_head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    assert!(status_head.starts_with("HTTP/1.1 413"), "{status_head}");
    let v: Value = serde_json::from_str(body).expect("a JSON body");
    assert_eq!(error(&v)["kind"], "too_large");
    // Within the body limit but a name longer than the input cap: 422.
    let long = format!(
        r#"{{"attackers":["{}"],"at":"Jermuk","on":"2022-09-13"}}"#,
        "x".repeat(5000)
    );
    let (status, v) = server.post("/api/why", &long);
    assert_eq!(status, 422, "{v}");
    assert_eq!(error(&v)["field"], "attacker");
    server.still_up();
}

#[test]
fn unknown_routes_methods_and_traversal_are_json_errors() {
    let server = Server::start();
    for path in [
        "/nope",
        "/api/",
        "/api/why/extra",
        "/../../etc/passwd",
        "/api/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fCargo.toml",
    ] {
        let (status, v) = server.get(path);
        assert_eq!(status, 404, "{path}: {v}");
        assert_eq!(error(&v)["kind"], "not_found");
    }
    let head = server.raw_head(&format!(
        "DELETE /api/why HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    ));
    assert!(head.starts_with("http/1.1 405"), "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
    server.still_up();
}

#[test]
fn responses_are_compressed_when_asked() {
    let server = Server::start();
    for encoding in ["gzip", "br"] {
        let head = server.raw_head(&format!(
            "GET /api/show?treaty=nato HTTP/1.1\r\nHost: {}\r\nAccept-Encoding: {encoding}\r\nConnection: close\r\n\r\n",
            server.addr
        ));
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(
            head.contains(&format!("content-encoding: {encoding}")),
            "{head}"
        );
    }
}

/// GET `path` as text: the status, the content type and the body.
fn get_text(server: &Server, path: &str) -> (u16, String, String) {
    let mut res = Server::agent()
        .get(&format!("{}{path}", server.base))
        .call()
        .expect("the server answers");
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let text = res
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_to_string()
        .expect("a body");
    (status, content_type, text)
}

#[test]
fn panel_is_the_clis_csv_streamed() {
    let server = Server::start();
    for (query, args) in [
        ("from=2020&to=2023", vec!["--from", "2020", "--to", "2023"]),
        (
            "from=2014&to=2024&unit=spell&undirected=true",
            vec![
                "--from",
                "2014",
                "--to",
                "2024",
                "--unit",
                "spell",
                "--undirected",
            ],
        ),
        (
            "from=2022-02-20&to=2022-03-01&unit=day&columns=atop",
            vec![
                "--from",
                "2022-02-20",
                "--to",
                "2022-03-01",
                "--unit",
                "day",
                "--columns",
                "atop",
            ],
        ),
    ] {
        let (status, content_type, body) = get_text(&server, &format!("/api/panel?{query}"));
        assert_eq!(status, 200, "{query}: {body}");
        assert!(
            content_type.starts_with("text/csv"),
            "{query}: {content_type}"
        );
        let cli = Command::new(env!("CARGO_BIN_EXE_casus"))
            .arg("panel")
            .args(&args)
            .args(["--out", "-"])
            .output()
            .expect("casus panel runs");
        assert!(cli.status.success(), "casus panel {args:?}");
        assert!(body.lines().count() > 1, "{query}: rows");
        assert_eq!(body, String::from_utf8_lossy(&cli.stdout), "{query}");
    }
}

#[test]
fn panel_parameters_are_checked() {
    let server = Server::start();
    let (status, v) = server.get("/api/panel?from=1990&to=2000&unit=week");
    assert_eq!(status, 400, "{v}");
    assert_eq!(error(&v)["field"], "unit");
    let (status, v) = server.get("/api/panel?from=2000&to=1990");
    assert_eq!(status, 400, "{v}");
    let (status, v) = server.get("/api/panel?from=nineteen&to=2000");
    assert_eq!(status, 400, "{v}");
    assert_eq!(error(&v)["field"], "from");
    let (status, v) = server.get("/api/panel?from=1990&to=1995&unit=day");
    assert_eq!(status, 422, "a day panel over the cap: {v}");
    assert_eq!(error(&v)["kind"], "too_large");
    let (status, v) = server.get("/api/panel?from=1990&to=1995&bogus=1");
    assert_eq!(status, 400, "{v}");
    server.still_up();
}

#[test]
fn openapi_document_lists_every_route() {
    let server = Server::start();
    let (status, v) = server.get("/api/openapi.json");
    assert_eq!(status, 200);
    assert!(v["openapi"].as_str().unwrap_or("").starts_with("3."));
    for route in [
        "/healthz",
        "/api/why",
        "/api/place",
        "/api/commitments",
        "/api/treaties",
        "/api/show",
        "/api/escalate",
        "/api/search",
        "/api/panel",
        "/api/openapi.json",
    ] {
        assert!(v["paths"][route].is_object(), "{route} is documented");
    }
    assert!(v["paths"]["/api/why"]["post"].is_object());
    assert!(v["components"]["schemas"]["ErrorBody"].is_object());
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_gracefully() {
    let mut server = Server::start_with(Stdio::piped());
    server.still_up();
    // SAFETY: sending a signal to our own child process by its id.
    let sent = unsafe { libc::kill(server.child.id() as libc::pid_t, libc::SIGTERM) };
    assert_eq!(sent, 0);
    let status = server.child.wait().expect("the server exits");
    assert!(status.success(), "{status:?}");
    let mut log = String::new();
    if let Some(mut err) = server.child.stderr.take() {
        let _ = err.read_to_string(&mut log);
    }
    assert!(log.contains("SIGTERM"), "{log}");
    assert!(log.contains("status=200"), "request logs: {log}");
}

#[test]
fn a_busy_port_is_a_usage_error() {
    let server = Server::start();
    let out = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["serve", "--addr", &server.addr])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen"));
}
