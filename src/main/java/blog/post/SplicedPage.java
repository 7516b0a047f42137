package blog.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A rendered page kept as the bytes before and after one small part that changes with
 * every request (the comment form's token), in plain and gzip form. The gzip form needs
 * no compression per request: the part before is deflated and flushed to a byte boundary,
 * the part after is deflated on its own (a fresh stream refers to nothing before it), and
 * the token goes between them as a stored block (RFC 1951, 3.2.4). Only the checksum is
 * computed per request.
 */
final class SplicedPage {

	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private final byte[] head;

	private final byte[] tail;

	private final boolean spliced;

	private final byte[] gzipHead;

	private final byte[] deflatedTail;

	/**
	 * @param page the page as rendered
	 * @param placeholder what stands where the changing part goes; {@code null} or absent
	 * from the page when nothing changes
	 */
	SplicedPage(byte[] page, byte[] placeholder) {
		int at = indexOf(page, placeholder, 0);
		if (at >= 0 && indexOf(page, placeholder, at + 1) >= 0) {
			throw new IllegalArgumentException("the placeholder occurs more than once");
		}
		this.spliced = at >= 0;
		this.head = this.spliced ? copy(page, 0, at) : page;
		this.tail = this.spliced ? copy(page, at + placeholder.length, page.length) : new byte[0];
		ByteArrayOutputStream gzipHead = new ByteArrayOutputStream();
		gzipHead.writeBytes(GZIP_HEADER);
		gzipHead.writeBytes(deflate(this.head, false));
		this.gzipHead = gzipHead.toByteArray();
		this.deflatedTail = deflate(this.tail, true);
	}

	/**
	 * @return whether a part changes per request
	 */
	boolean spliced() {
		return this.spliced;
	}

	/**
	 * @return about how many bytes it holds
	 */
	int size() {
		return this.head.length + this.tail.length + this.gzipHead.length + this.deflatedTail.length + 64;
	}

	/**
	 * @return the bytes around the changing part, which name the page's content
	 */
	byte[][] fixedParts() {
		return new byte[][] { this.head, this.tail };
	}

	/**
	 * Writes the page with the part in its place, without copying it first.
	 * @param part the changing part (ASCII), ignored when the page has none
	 * @param out where to
	 * @return the length written
	 * @throws IOException when the stream fails
	 */
	int writePlain(String part, OutputStream out) throws IOException {
		byte[] middle = this.spliced ? part.getBytes(StandardCharsets.US_ASCII) : new byte[0];
		// nothing is written once the page is whole: a servlet stream closes when it
		// has had its content length
		for (byte[] bytes : new byte[][] { this.head, middle, this.tail }) {
			if (bytes.length > 0) {
				out.write(bytes);
			}
		}
		return this.head.length + middle.length + this.tail.length;
	}

	/**
	 * @param part the changing part
	 * @return the length of the page with the part in its place
	 */
	int plainLength(String part) {
		return this.head.length + (this.spliced ? part.length() : 0) + this.tail.length;
	}

	/**
	 * @param part the changing part (ASCII, under 64 KB), ignored when the page has none
	 * @return the page with the part in its place, as a gzip stream
	 */
	byte[] gzip(String part) {
		byte[] middle = this.spliced ? part.getBytes(StandardCharsets.US_ASCII) : new byte[0];
		CRC32 crc = new CRC32();
		crc.update(this.head);
		crc.update(middle);
		crc.update(this.tail);
		long size = (long) this.head.length + middle.length + this.tail.length;
		int stored = (middle.length > 0) ? 5 + middle.length : 0;
		byte[] gzip = new byte[this.gzipHead.length + stored + this.deflatedTail.length + 8];
		System.arraycopy(this.gzipHead, 0, gzip, 0, this.gzipHead.length);
		int at = this.gzipHead.length;
		if (stored > 0) {
			// a stored block, not the last: BFINAL 0, BTYPE 00, then LEN and its
			// complement
			gzip[at] = 0;
			gzip[at + 1] = (byte) middle.length;
			gzip[at + 2] = (byte) (middle.length >>> 8);
			gzip[at + 3] = (byte) ~middle.length;
			gzip[at + 4] = (byte) (~middle.length >>> 8);
			System.arraycopy(middle, 0, gzip, at + 5, middle.length);
			at += stored;
		}
		System.arraycopy(this.deflatedTail, 0, gzip, at, this.deflatedTail.length);
		at += this.deflatedTail.length;
		littleEndian(gzip, at, crc.getValue());
		littleEndian(gzip, at + 4, size);
		return gzip;
	}

	private static byte[] deflate(byte[] data, boolean last) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(data);
			ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
			byte[] buffer = new byte[8192];
			if (last) {
				deflater.finish();
				while (!deflater.finished()) {
					out.write(buffer, 0, deflater.deflate(buffer));
				}
			}
			else {
				int written;
				do {
					written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
					out.write(buffer, 0, written);
				}
				while (written == buffer.length);
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static void littleEndian(byte[] bytes, int at, long value) {
		for (int i = 0; i < 4; i++) {
			bytes[at + i] = (byte) (value >>> (8 * i));
		}
	}

	private static byte[] copy(byte[] bytes, int from, int to) {
		byte[] copy = new byte[to - from];
		System.arraycopy(bytes, from, copy, 0, copy.length);
		return copy;
	}

	static int indexOf(byte[] bytes, byte[] part, int from) {
		if (part == null || part.length == 0) {
			return -1;
		}
		outer: for (int i = from; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
