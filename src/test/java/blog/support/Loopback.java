package blog.support;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Ports on loopback for the servers a test starts (the blog, PostgreSQL, nginx) or for
 * one that must not answer.
 */
public final class Loopback {

	private Loopback() {
	}

	/**
	 * @return a port nobody listens on now
	 * @throws IOException when none can be had
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
