# HTTPS for the lab, sourced after lab.sh: a test CA made with openssl,
# server certificates from it (or self-signed, or out of date, or for
# another name), a second nginx serving them on 10.77.0.1, and a test
# build of bootnet that trusts only the test CA.

# The test CA lives under build/ (kept: the test build trusting it stays
# up to date between runs); leaf certificates are made per run.
LAB_TLS_CA_DIR="$LAB_TOP/build/https-test/ca"

# lab_tls_ca: makes the test CA once (an EC P-256 key, 10 years).
lab_tls_ca() {
	command -v openssl >/dev/null || lab_fail "openssl missing (run tools/fetch-deps)"
	[ -s "$LAB_TLS_CA_DIR/ca.pem" ] && return 0
	mkdir -p "$LAB_TLS_CA_DIR"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
		-keyout "$LAB_TLS_CA_DIR/ca.key" -out "$LAB_TLS_CA_DIR/ca.pem" -days 3650 \
		-subj "/O=bootnet lab/CN=bootnet lab test CA" \
		-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
		>"$LAB_DIR/openssl.log" 2>&1 || { cat "$LAB_DIR/openssl.log"; lab_fail "cannot make the test CA"; }
}

# lab_tls_build DIR [ARCH]: bootnet (x86_64 by default, or i386) built
# with TRUST=the test CA into DIR/bin.
lab_tls_build() {
	local dir=$1 arch=${2:-x86_64}
	make -C "$LAB_TOP" -s TRUST="$LAB_TLS_CA_DIR/ca.pem" BIN="$dir/bin" BUILD="$dir/build" \
		"$dir/bin/bootnet-$arch.efi" >"$LAB_DIR/make.log" 2>&1 ||
		{ cat "$LAB_DIR/make.log"; lab_fail "the TRUST=test CA build failed"; }
}

# lab_tls_cert NAME SANS [KIND [START END]]: NAME.pem and NAME.key in
# $LAB_DIR/tls for the subjectAltName list SANS ("DNS:boot.lab.test,IP:10.77.0.1").
# KIND: ca (signed by the test CA, the default), self (self-signed).
# START/END (openssl ca dates, YYYYMMDDHHMMSSZ) set the validity.
lab_tls_cert() {
	local name=$1 sans=$2 kind=${3:-ca} start=${4:-} end=${5:-}
	local d="$LAB_DIR/tls" cn=${2%%,*}
	cn=${cn#*:}
	mkdir -p "$d"
	printf '[ext]\nsubjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
		"$sans" > "$d/$name.ext"
	if [ "$kind" = self ]; then
		openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -keyout "$d/$name.key" \
			-out "$d/$name.pem" -subj "/CN=$cn" -addext "subjectAltName=$sans" \
			>>"$LAB_DIR/openssl.log" 2>&1 || lab_fail "cannot make the self-signed certificate"
		return
	fi
	openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$d/$name.key" -out "$d/$name.csr" \
		-subj "/CN=$cn" >>"$LAB_DIR/openssl.log" 2>&1 || lab_fail "cannot make a CSR for $name"
	# openssl ca (not x509 -req) for dates in the past: its own small database.
	mkdir -p "$d/db"; touch "$d/db/index.txt"
	[ -s "$d/db/serial" ] || echo 1000 > "$d/db/serial"
	cat > "$d/ca.cnf" <<CNF
[ca]
default_ca = lab
[lab]
dir = $d/db
database = $d/db/index.txt
serial = $d/db/serial
new_certs_dir = $d/db
certificate = $LAB_TLS_CA_DIR/ca.pem
private_key = $LAB_TLS_CA_DIR/ca.key
default_md = sha256
default_days = 30
policy = any
unique_subject = no
[any]
commonName = supplied
CNF
	local dates=()
	[ -n "$start" ] && dates=(-startdate "$start" -enddate "$end")
	openssl ca -batch -config "$d/ca.cnf" -in "$d/$name.csr" -out "$d/$name.pem" -notext \
		-extfile "$d/$name.ext" -extensions ext "${dates[@]}" >>"$LAB_DIR/openssl.log" 2>&1 ||
		{ cat "$LAB_DIR/openssl.log"; lab_fail "cannot sign the certificate $name"; }
}

# lab_tls_nginx "PORT NAME [DIRECTIVES]" ...: a second nginx on 10.77.0.1
# serving $LAB_DIR/www over HTTPS on each PORT with certificate NAME (and
# the nginx directives given, "ssl_protocols TLSv1.3;"); and on port
# 8080 plain HTTP that redirects /to-https/X to https://boot.lab.test/X.
lab_tls_nginx() {
	local servers="" spec port name extra
	for spec in "$@"; do
		read -r port name extra <<<"$spec"
		servers="$servers
    server {
        listen $LAB_SERVER_IP:$port ssl;
        ssl_certificate $LAB_DIR/tls/$name.pem;
        ssl_certificate_key $LAB_DIR/tls/$name.key;
        $extra
        root $LAB_DIR/www;
    }"
	done
	cat > "$LAB_DIR/nginx-tls.conf" <<CONF
daemon off;
worker_processes 1;
pid $LAB_DIR/nginx-tls.pid;
error_log $LAB_DIR/nginx-tls-error.log;
events { worker_connections 64; }
http {
    log_format lab '\$remote_addr \$server_port "\$request" \$status \$body_bytes_sent \$ssl_protocol \$ssl_cipher';
    access_log $LAB_DIR/nginx-tls-access.log lab;
    client_body_temp_path $LAB_DIR/nginx-body;
    proxy_temp_path $LAB_DIR/nginx-proxy;
    fastcgi_temp_path $LAB_DIR/nginx-fastcgi;
    uwsgi_temp_path $LAB_DIR/nginx-uwsgi;
    scgi_temp_path $LAB_DIR/nginx-scgi;
    types { text/plain ipxe txt; application/octet-stream bin efi; }
    server {
        listen $LAB_SERVER_IP:8080;
        location /to-https/ { rewrite ^/to-https/(.*)\$ https://boot.lab.test/\$1 redirect; }
    }
$servers
}
CONF
	lab_ns nginx -c "$LAB_DIR/nginx-tls.conf" -e "$LAB_DIR/nginx-tls-error.log" &
	LAB_PIDS+=($!)
	lab_await_file "$LAB_DIR/nginx-tls.pid" "nginx (TLS)" "$LAB_DIR/nginx-tls-error.log"
}
