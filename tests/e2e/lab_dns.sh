# A DNS server for the lab, sourced after lab.sh: lab_start's dnsmasq does
# DHCP and TFTP with DNS off, so names are served by a second dnsmasq doing
# DNS only on 10.77.0.1:53. It answers for lab.test and nothing else.

# lab_start_dns [dnsmasq options...]: --host-record, --cname and the like.
lab_start_dns() {
	lab_ns dnsmasq --keep-in-foreground --no-resolv --no-hosts --port=53 \
		--listen-address="$LAB_SERVER_IP" --bind-interfaces --local=/lab.test/ \
		--pid-file="$LAB_DIR/dns.pid" --log-queries --log-facility="$LAB_DIR/dns.log" "$@" &
	LAB_PIDS+=($!)
	lab_await_file "$LAB_DIR/dns.pid" "DNS dnsmasq" "$LAB_DIR/dns.log"
}
