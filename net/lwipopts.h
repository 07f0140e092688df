/* lwIP configuration for bootnet: one poll loop, no OS, no threads
 * (NO_SYS), raw/altcp APIs only. Memory comes from the platform's pool
 * through malloc, because static pools would sit in the .efi file itself. */
#ifndef BOOTNET_LWIPOPTS_H
#define BOOTNET_LWIPOPTS_H

#define NO_SYS                  1
#define SYS_LIGHTWEIGHT_PROT    0
#define LWIP_TIMERS             1
#define LWIP_NETCONN            0
#define LWIP_SOCKET             0

/* Memory: everything from malloc (firmware/libc over the platform). */
#define MEM_LIBC_MALLOC         1
#define MEMP_MEM_MALLOC         1
#define MEM_ALIGNMENT           8

/* Protocols: IPv4 with ARP, UDP (DHCP, TFTP, DNS are ours), TCP, raw (ping). */
#define LWIP_IPV4               1
#define LWIP_IPV6               0
#define LWIP_ARP                1
#define LWIP_ETHERNET           1
#define LWIP_ICMP               1
#define LWIP_RAW                1
#define LWIP_UDP                1
#define LWIP_TCP                1
#define LWIP_DHCP               0 /* net/ speaks PXE DHCP itself */
#define LWIP_AUTOIP             0
#define LWIP_IGMP               0
#define LWIP_DNS                0
#define LWIP_ALTCP              1 /* unused: HTTPS drives mbedTLS over raw TCP (net/tls.c) */
#define IP_REASSEMBLY           1
#define IP_FRAG                 0
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK   1
#define LWIP_SINGLE_NETIF       0

/* TCP for bulk download: full-size segments and a large scaled window. */
#define TCP_MSS                 1460
#define LWIP_WND_SCALE          1
#define TCP_RCV_SCALE           4
#define TCP_WND                 (256 * 1024)
#define TCP_SND_BUF             (16 * TCP_MSS)
#define TCP_SND_QUEUELEN        (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_QUEUE_OOSEQ         1
#define LWIP_TCP_SACK_OUT       1
#define PBUF_POOL_SIZE          512
#define MEMP_NUM_TCP_SEG        512

/* DHCP replies may come unicast to the address being offered, before the
 * interface has it: let them through to port 68. */
#define LWIP_IP_ACCEPT_UDP_PORT(port) ((port) == PP_NTOHS(68))

/* Initial sequence numbers from net_random32 (seeded by the entropy
 * mixer) instead of lwIP's counter, which anyone can predict. */
#define LWIP_HOOK_TCP_ISN(local_ip, local_port, remote_ip, remote_port) ((u32_t)net_random32())

#define LWIP_STATS              0
#define LWIP_CHECKSUM_ON_COPY   1
#define LWIP_CHKSUM_ALGORITHM   3 /* 32 bits at a time */

/* The rom64 build (bios/rom64.mk), cut down for a 64 KiB option ROM:
 * no assertion texts; no reassembly of fragmented IP packets (a LAN's
 * DHCP, DNS, TFTP at blksize 1468 and TCP replies come whole);
 * out-of-order TCP segments dropped and resent by the server instead of
 * queued (slower downloads on a lossy network), so no SACK; checksums
 * computed on their own, not while copying; no raw API (bootnet has no
 * ping); no oversized segments (bootnet sends only short requests). */
#ifdef BOOTNET_SMALL_LWIP
#define LWIP_NOASSERT
#undef IP_REASSEMBLY
#define IP_REASSEMBLY           0
#undef TCP_QUEUE_OOSEQ
#define TCP_QUEUE_OOSEQ         0
#undef LWIP_TCP_SACK_OUT
#define LWIP_TCP_SACK_OUT       0
#undef LWIP_CHECKSUM_ON_COPY
#define LWIP_CHECKSUM_ON_COPY   0
#undef LWIP_RAW
#define LWIP_RAW                0
#define TCP_OVERSIZE            0
#endif

#endif
