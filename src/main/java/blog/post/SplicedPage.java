package blog.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.jspecify.annotations.Nullable;

/**
 * A rendered page kept as the bytes before and after one small part that changes with
 * every request (the comment form's token), in plain and gzip form. The gzip form needs
 * no compression per request: the part before is deflated and flushed to a byte boundary,
 * the part after is deflated on its own (a fresh stream refers to nothing before it), and
 * the token goes between them as a stored block (RFC 1951, 3.2.4). Only the checksum is
 * computed, once per part (see {@link #with(String)}).
 */
final class SplicedPage {

	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private final byte[] head;

	private final byte[] tail;

	private final boolean spliced;

	private final byte[] gzipHead;

	private final byte[] deflatedTail;

	/** the pieces with the last part asked for */
	private volatile @Nullable Parts last;

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
		Parts parts = with(part);
		// nothing is written once the page is whole: a servlet stream closes when it
		// has had its content length
		for (byte[] bytes : parts.plain()) {
			if (bytes.length > 0) {
				out.write(bytes);
			}
		}
		return parts.plainLength();
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
		Parts parts = with(part);
		byte[] gzip = new byte[parts.gzipLength()];
		int at = 0;
		for (byte[] bytes : parts.gzip()) {
			System.arraycopy(bytes, 0, gzip, at, bytes.length);
			at += bytes.length;
		}
		return gzip;
	}

	/**
	 * The page with one part in its place, plain and gzip, as the pieces to send one
	 * after the other. The part is the same for every answer for a while (a form token
	 * lasts a second), so the last one's pieces are kept: only the first answer with a
	 * new part computes its checksum.
	 * @param part the changing part (ASCII, under 64 KB), ignored when the page has none
	 * @return the pieces
	 */
	Parts with(String part) {
		String changing = this.spliced ? part : "";
		Parts last = this.last;
		if (last != null && last.part().equals(changing)) {
			return last;
		}
		byte[] middle = changing.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(this.head);
		crc.update(middle);
		crc.update(this.tail);
		long size = (long) this.head.length + middle.length + this.tail.length;
		List<byte[]> gzip = new ArrayList<>(4);
		gzip.add(this.gzipHead);
		if (middle.length > 0) {
			// a stored block, not the last: BFINAL 0, BTYPE 00, then LEN and its
			// complement
			byte[] stored = new byte[5 + middle.length];
			stored[1] = (byte) middle.length;
			stored[2] = (byte) (middle.length >>> 8);
			stored[3] = (byte) ~middle.length;
			stored[4] = (byte) (~middle.length >>> 8);
			System.arraycopy(middle, 0, stored, 5, middle.length);
			gzip.add(stored);
		}
		gzip.add(this.deflatedTail);
		byte[] trailer = new byte[8];
		littleEndian(trailer, 0, crc.getValue());
		littleEndian(trailer, 4, size);
		gzip.add(trailer);
		Parts parts = new Parts(changing, this.spliced ? List.of(this.head, middle, this.tail) : List.of(this.head),
				List.copyOf(gzip));
		this.last = parts;
		return parts;
	}

	/**
	 * The page with one part in its place.
	 *
	 * @param part the part
	 * @param plain the plain page's pieces, in order
	 * @param gzip the gzip stream's pieces, in order
	 */
	record Parts(String part, List<byte[]> plain, List<byte[]> gzip) {

		int plainLength() {
			return length(this.plain);
		}

		int gzipLength() {
			return length(this.gzip);
		}

		private static int length(List<byte[]> pieces) {
			int length = 0;
			for (byte[] piece : pieces) {
				length += piece.length;
			}
			return length;
		}

	}

	private static byte[] deflate(byte[] data, boolean last) {
		// the default level: the best one took twice the time for a page 1 % smaller
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
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
