package io.tapecast.standalone.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Test JWTs: HS256 with a shared secret, RS256 and ES256 with generated keys (published as a JWK set). */
final class Tokens {

    static final String SECRET = "tapecast-test-secret-0123456789-abcdefghijklmnop";
    static final String WRONG_SECRET = "some-other-secret-0123456789-abcdefghijklmnopqr";
    static final String ISSUER = "https://id.tapecast.test";
    static final String AUDIENCE = "tapecast";

    private Tokens() {
    }

    /** A token builder with valid defaults: issuer, audience, expiry in an hour. */
    static Builder user(String subject) {
        return new Builder(subject);
    }

    static final class Builder {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

        private Builder(String subject) {
            if (subject != null) {
                claims.subject(subject);
            }
            claims.issuer(ISSUER).audience(AUDIENCE).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
        }

        Builder roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        Builder scope(String scope) {
            claims.claim("scope", scope);
            return this;
        }

        Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        Builder audience(String audience) {
            claims.audience(audience);
            return this;
        }

        Builder expiresAt(Instant at) {
            claims.expirationTime(at == null ? null : Date.from(at));
            return this;
        }

        Builder expiresIn(Duration in) {
            return expiresAt(Instant.now().plus(in));
        }

        String hs256() {
            return hs256(SECRET);
        }

        String hs256(String secret) {
            try {
                return sign(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String rs256(RSAKey key) {
            try {
                return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String es256(ECKey key) {
            try {
                return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), new ECDSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private String sign(JWSHeader header, JWSSigner signer) throws JOSEException {
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        }
    }

    static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ecKey(String id) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set of these keys, as a JWKS endpoint serves it. */
    static String jwks(RSAKey rsa, ECKey ec) {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
    }
}
