package blog.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by Debian's
 * {@code openssl}, and a TLS context that trusts it (and nothing else).
 *
 * @param certificate the certificate, PEM
 * @param key its private key, PEM
 * @param context a TLS context that trusts the certificate
 */
public record SelfSigned(Path certificate, Path key, SSLContext context) {

	/**
	 * @param dir where to write the two files
	 * @return the certificate
	 * @throws Exception when openssl fails
	 */
	public static SelfSigned make(Path dir) throws Exception {
		if (!Required.onPath("openssl")) {
			Required.missing("openssl is not installed (Debian package openssl): the tests over TLS are skipped");
		}
		Path certificate = dir.resolve("cert.pem");
		Path key = dir.resolve("key.pem");
		Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
				"ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext",
				"subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out", certificate.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(openssl.getInputStream().readAllBytes());
		if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
			throw new IllegalStateException("openssl could not make a certificate: " + output);
		}
		return new SelfSigned(certificate, key, trusting(certificate));
	}

	private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
		Certificate trusted;
		try (InputStream in = Files.newInputStream(certificate)) {
			trusted = CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		store.setCertificateEntry("blog", trusted);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
