/*
 * eficompress IN OUT: compresses IN with the UEFI compression algorithm
 * (UEFI spec, "Compression Algorithm Specification"), the one a PCI
 * option ROM image of compression type 1 holds and the firmware's
 * EFI_DECOMPRESS_PROTOCOL expands. Written from the spec's data format:
 *
 *   compressed size (LE32), original size (LE32), blocks, zero bits to the
 *   next byte, a terminator byte 0; compressed size counts from the first
 *   block to the terminator.
 *
 * Bits go most significant first. Each block: symbol count (16 bits), the
 * Extra Set's code lengths, the Char&Len Set's code lengths (coded with
 * the Extra Set), the Position Set's code lengths, then the symbols: a
 * Char&Len symbol (0-255: that byte; 256-509: a match of length sym-253),
 * and after a match its position (distance - 1) as the Position Set symbol
 * for its bit length and the bits below the top one.
 *
 * The matches come from hash chains over an 8 KiB window with one step of
 * lazy matching; each block's codes are canonical Huffman codes of at most
 * 16 bits. tests/tools/efi_decompress.py is the decoder the tests check it
 * with (written apart, from the spec), and OVMF expands the ROM for real.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_MATCH 3
#define MAX_MATCH 256
#define MAX_DIST 8191           /* position values 0..8190 (13 bits) */
#define NC 510                  /* Char&Len Set: 256 bytes + lengths 3..256 */
#define NP 14                   /* Position Set: bit lengths 0..13 */
#define NT 19                   /* Extra Set: 3 zero-run codes + lengths 1..16 */
#define CBIT 9                  /* bits of each set's array size and lone */
#define PBIT 4                  /* symbol: Char&Len, Position, Extra */
#define TBIT 5
#define MAX_CODE_LEN 16         /* the format's limit */
#ifndef LEN_LIMIT
#define LEN_LIMIT MAX_CODE_LEN  /* tests build one lower (>= 9: 510 symbols) */
#endif
#define BLOCK_SYMBOLS 0x2000    /* symbols per block (the field holds 65535):
				   smaller blocks fit drivers' mixed sections */
#define HASH_BITS 15
#define MAX_CHAIN 512           /* candidates looked at per position */
#define GOOD_MATCH 64           /* long enough: no lazy look one byte on */

static void die(const char *msg)
{
	fprintf(stderr, "eficompress: %s\n", msg);
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

/* ------------------------------------------------------------ bit output */

static uint8_t *out;
static size_t out_len, out_cap;
static uint32_t bit_buf;        /* pending bits, right-aligned */
static int bit_count;

static void put_byte(uint8_t b)
{
	if (out_len == out_cap) {
		out_cap = out_cap ? 2 * out_cap : 65536;
		out = realloc(out, out_cap);
		if (!out)
			die("out of memory");
	}
	out[out_len++] = b;
}

/* The n (<= 16) low bits of v, highest first. */
static void put_bits(unsigned v, int n)
{
	bit_buf = bit_buf << n | (v & ((1u << n) - 1));
	bit_count += n;
	while (bit_count >= 8) {
		bit_count -= 8;
		put_byte(bit_buf >> bit_count);
	}
}

/* Zero bits up to the next byte boundary. */
static void flush_bits(void)
{
	if (bit_count)
		put_bits(0, 8 - bit_count);
}

/* --------------------------------------------------------------- Huffman */

struct node {
	uint32_t freq;
	int parent;
};

static struct node *sort_nodes;
static int by_freq(const void *a, const void *b)
{
	const int x = *(const int *)a, y = *(const int *)b;

	if (sort_nodes[x].freq != sort_nodes[y].freq)
		return sort_nodes[x].freq < sort_nodes[y].freq ? -1 : 1;
	return x - y;
}

/*
 * Huffman code lengths of n symbols' frequencies, built by merging the
 * two least frequent of the sorted leaves and the internal nodes (made in
 * order of rising frequency, so a second queue suffices). Returns the
 * deepest length. Needs at least two used symbols.
 */
static int huffman_once(const uint32_t *freq, int n, uint8_t *len)
{
	struct node nodes[2 * NC];
	int leaves[NC], leaf_sym[NC], depth[2 * NC];
	int m = 0, made, li = 0, ni, i, max = 0;

	for (i = 0; i < n; i++) {
		len[i] = 0;
		if (freq[i]) {
			nodes[m].freq = freq[i];
			leaves[m] = m;
			leaf_sym[m] = i;
			m++;
		}
	}
	sort_nodes = nodes;
	qsort(leaves, m, sizeof(leaves[0]), by_freq);
	made = m;
	ni = m;
	while (made < 2 * m - 1) {
		int pick[2], k;

		for (k = 0; k < 2; k++) {
			if (li < m && (ni == made || nodes[leaves[li]].freq <= nodes[ni].freq))
				pick[k] = leaves[li++];
			else
				pick[k] = ni++;
		}
		nodes[made].freq = nodes[pick[0]].freq + nodes[pick[1]].freq;
		nodes[pick[0]].parent = nodes[pick[1]].parent = made;
		made++;
	}
	/* Parents come after their children: depths from the root down. */
	depth[made - 1] = 0;
	for (i = made - 2; i >= 0; i--)
		depth[i] = depth[nodes[i].parent] + 1;
	for (i = 0; i < m; i++) {
		len[leaf_sym[i]] = depth[i];
		if (depth[i] > max)
			max = depth[i];
	}
	return max;
}

/*
 * Code lengths of at most 16 bits for freq[0..n-1]: a code too deep is
 * made again from halved frequencies (flatter), until it fits. Returns the
 * number of used symbols; with fewer than two, every length is 0 and
 * *only is the lone symbol (0 when none), which the header says instead.
 */
static int make_lengths(const uint32_t *freq, int n, uint8_t *len, int *only)
{
	uint32_t f[NC];
	int i, used = 0;

	*only = 0;
	for (i = 0; i < n; i++) {
		f[i] = freq[i];
		len[i] = 0;
		if (freq[i]) {
			used++;
			*only = i;
		}
	}
	if (used < 2)
		return used;
	while (huffman_once(f, n, len) > LEN_LIMIT)
		for (i = 0; i < n; i++)
			if (f[i])
				f[i] = (f[i] + 1) / 2;
	return used;
}

/* Canonical codes: shorter codes first, then by symbol. */
static void make_codes(const uint8_t *len, int n, uint16_t *code)
{
	unsigned count[MAX_CODE_LEN + 1] = { 0 }, next[MAX_CODE_LEN + 2];
	int i;

	for (i = 0; i < n; i++)
		count[len[i]]++;
	count[0] = 0;
	next[1] = 0;
	for (i = 1; i <= MAX_CODE_LEN; i++)
		next[i + 1] = (next[i] + count[i]) << 1;
	for (i = 0; i < n; i++)
		if (len[i])
			code[i] = next[len[i]]++;
}

/* ------------------------------------------------------------ block output */

struct code_set {
	int n, used, only;
	uint32_t freq[NC];
	uint8_t len[NC];
	uint16_t code[NC];
};

static void build_set(struct code_set *s, int n)
{
	s->n = n;
	s->used = make_lengths(s->freq, n, s->len, &s->only);
	make_codes(s->len, n, s->code);
}

/* A symbol's code; a set of one symbol needs no bits. */
static void put_symbol(const struct code_set *s, int sym)
{
	if (s->len[sym])
		put_bits(s->code[sym], s->len[sym]);
}

/* Array size: up to the last nonzero length. */
static int array_size(const struct code_set *s)
{
	int n = s->n;

	while (n > 0 && s->len[n - 1] == 0)
		n--;
	return n;
}

/*
 * The Extra and Position Sets' lengths: under 7 in 3 bits, else (len - 4)
 * ones and a zero; for the Extra Set (special == 3) a 2-bit count of the
 * zero lengths that follow the third length.
 */
static void put_short_lengths(const struct code_set *s, int nbit, int special)
{
	int n = array_size(s), i = 0;

	if (s->used < 2) {
		put_bits(0, nbit);
		put_bits(s->only, nbit);
		return;
	}
	put_bits(n, nbit);
	while (i < n) {
		int l = s->len[i++];

		if (l < 7)
			put_bits(l, 3);
		else
			put_bits(((1u << (l - 4)) - 1) << 1, l - 3);
		if (i == special) {
			int zeros = 0;

			while (zeros < 3 && i + zeros < n && s->len[i + zeros] == 0)
				zeros++;
			put_bits(zeros, 2);
			i += zeros;
		}
	}
}

/* One Extra Set item for the Char&Len lengths: a symbol and its own bits. */
struct extra_item {
	uint8_t sym, nbits;
	uint16_t bits;
};

/*
 * The Char&Len lengths as Extra Set items: a length l as l + 2; zero runs
 * of 1-2 as that many 0s, 3-18 as 1 and 4 bits (run - 3), 19 as 0 then 1
 * and 15, 20 or more as 2 and 9 bits (run - 20). Returns the item count.
 */
static int char_len_items(const struct code_set *c, struct extra_item *items)
{
	int n = array_size(c), i = 0, k = 0;

	while (i < n) {
		int run = 0;

		if (c->len[i]) {
			items[k++] = (struct extra_item){ c->len[i] + 2, 0, 0 };
			i++;
			continue;
		}
		while (i + run < n && c->len[i + run] == 0)
			run++;
		i += run;
		if (run == 19) {
			items[k++] = (struct extra_item){ 0, 0, 0 };
			run = 18;
		}
		if (run <= 2)
			while (run--)
				items[k++] = (struct extra_item){ 0, 0, 0 };
		else if (run <= 18)
			items[k++] = (struct extra_item){ 1, 4, run - 3 };
		else
			items[k++] = (struct extra_item){ 2, CBIT, run - 20 };
	}
	return k;
}

/* The current block: Char&Len symbols, and a position for each match. */
static uint16_t blk_sym[BLOCK_SYMBOLS], blk_pos[BLOCK_SYMBOLS];
static int blk_count;

/* Position Set symbol: the bit length of the position value. */
static int pos_symbol(unsigned pos)
{
	int bits = 0;

	while (pos) {
		bits++;
		pos >>= 1;
	}
	return bits;
}

static void put_block(void)
{
	static struct code_set c, p, t;
	struct extra_item items[NC];
	int i, nitems;

	if (blk_count == 0)
		return;
	memset(c.freq, 0, sizeof(c.freq));
	memset(p.freq, 0, sizeof(p.freq));
	memset(t.freq, 0, sizeof(t.freq));
	for (i = 0; i < blk_count; i++) {
		c.freq[blk_sym[i]]++;
		if (blk_sym[i] >= 256)
			p.freq[pos_symbol(blk_pos[i])]++;
	}
	build_set(&c, NC);
	build_set(&p, NP);
	nitems = c.used < 2 ? 0 : char_len_items(&c, items);
	for (i = 0; i < nitems; i++)
		t.freq[items[i].sym]++;
	build_set(&t, NT);

	put_bits(blk_count, 16);
	put_short_lengths(&t, TBIT, 3);
	if (c.used < 2) {
		put_bits(0, CBIT);
		put_bits(c.only, CBIT);
	} else {
		put_bits(array_size(&c), CBIT);
		for (i = 0; i < nitems; i++) {
			put_symbol(&t, items[i].sym);
			if (items[i].nbits)
				put_bits(items[i].bits, items[i].nbits);
		}
	}
	put_short_lengths(&p, PBIT, -1);

	for (i = 0; i < blk_count; i++) {
		put_symbol(&c, blk_sym[i]);
		if (blk_sym[i] >= 256) {
			int ps = pos_symbol(blk_pos[i]);

			put_symbol(&p, ps);
			if (ps > 1)
				put_bits(blk_pos[i], ps - 1);
		}
	}
	blk_count = 0;
}

static void add_symbol(unsigned sym, unsigned pos)
{
	blk_sym[blk_count] = sym;
	blk_pos[blk_count] = pos;
	if (++blk_count == BLOCK_SYMBOLS)
		put_block();
}

/* ---------------------------------------------------------------- matches */

static const uint8_t *in;
static size_t in_len;
static int32_t head[1 << HASH_BITS];
static int32_t *prev;           /* previous position with the same hash */
static size_t inserted;         /* positions before this are in the chains */

static unsigned hash_at(size_t i)
{
	return ((in[i] << 10) ^ (in[i + 1] << 5) ^ in[i + 2]) & ((1 << HASH_BITS) - 1);
}

/* Puts every position before `upto` that has 3 bytes into the chains. */
static void insert_upto(size_t upto)
{
	for (; inserted < upto && inserted + MIN_MATCH <= in_len; inserted++) {
		unsigned h = hash_at(inserted);

		prev[inserted] = head[h];
		head[h] = inserted;
	}
	if (inserted < upto)
		inserted = upto;
}

/* The longest match at i within the window (nearest first on ties). */
static int longest_match(size_t i, unsigned *dist)
{
	size_t limit = in_len - i < MAX_MATCH ? in_len - i : MAX_MATCH;
	int32_t cand;
	int best = 0, chain = MAX_CHAIN;

	if (limit < MIN_MATCH)
		return 0;
	insert_upto(i);
	for (cand = head[hash_at(i)]; cand >= 0 && i - cand <= MAX_DIST && chain--;
	     cand = prev[cand]) {
		const uint8_t *a = in + cand, *b = in + i;
		size_t l = 0;

		if (a[best] != b[best])
			continue;
		while (l < limit && a[l] == b[l])
			l++;
		if ((int)l > best) {
			best = l;
			*dist = i - cand;
			if (l == limit)
				break;
		}
	}
	return best >= MIN_MATCH ? best : 0;
}

/* LZ77 with one step of lazy matching: a longer match one byte on wins. */
static void compress_all(void)
{
	size_t i = 0;
	unsigned dist = 0, next_dist = 0;

	for (i = 0; i < (size_t)1 << HASH_BITS; i++)
		head[i] = -1;
	prev = xmalloc(in_len * sizeof(*prev));
	i = 0;
	while (i < in_len) {
		int len = longest_match(i, &dist);

		if (len && len < GOOD_MATCH && i + 1 < in_len &&
		    longest_match(i + 1, &next_dist) > len)
			len = 0;
		if (!len) {
			add_symbol(in[i], 0);
			i++;
		} else {
			add_symbol(256 + len - MIN_MATCH, dist - 1);
			i += len;
		}
	}
	put_block();
	flush_bits();
	put_byte(0);
	free(prev);
}

/* ------------------------------------------------------------------ files */

static uint8_t *read_file(const char *name, size_t *len)
{
	FILE *f = fopen(name, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f) {
		perror(name);
		exit(1);
	}
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 1 << 20;
			buf = realloc(buf, cap);
			if (!buf)
				die("out of memory");
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	if (ferror(f)) {
		perror(name);
		exit(1);
	}
	fclose(f);
	*len = n;
	return buf;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

int main(int argc, char **argv)
{
	uint8_t header[8];
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: eficompress IN OUT\n");
		return 2;
	}
	in = read_file(argv[1], &in_len);
	if (in_len > UINT32_MAX)
		die("input over 4 GiB");
	compress_all();
	put_le32(header, out_len);
	put_le32(header + 4, in_len);
	f = fopen(argv[2], "wb");
	if (!f || fwrite(header, 1, 8, f) != 8 || fwrite(out, 1, out_len, f) != out_len ||
	    fclose(f)) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
