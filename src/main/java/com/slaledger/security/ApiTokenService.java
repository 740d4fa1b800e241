package com.slaledger.security;

import com.slaledger.platform.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: 32 random bytes, shown once; stored as their SHA-256, which is enough for a secret that
 * long (no salt or slow hash needed: nobody can guess 256 random bits, unlike a password).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApiTokenService {

    /** Marks our tokens, so a leaked one is recognisable to secret scanners and to people. */
    static final String TOKEN_PREFIX = "slt_";
    private static final int PREFIX_SHOWN = 8;

    private final SecureRandom random = new SecureRandom();
    private final EntityManager entityManager;
    private final UserRepository users;
    private final UserService userService;

    public ApiTokenService(EntityManager entityManager, UserRepository users, UserService userService) {
        this.entityManager = entityManager;
        this.users = users;
        this.userService = userService;
    }

    public record TokenRequest(@NotBlank @Size(max = 100) String name) {
    }

    /** A token as listed: never the secret. */
    public record TokenResponse(long id, String name, String prefix, Instant createdAt) {
        static TokenResponse of(ApiToken token) {
            return new TokenResponse(token.id, token.name, token.prefix, token.createdAt);
        }
    }

    /** The answer to creating a token: the only time the token itself is shown. */
    public record CreatedToken(long id, String name, String prefix, Instant createdAt, String token) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public CreatedToken create(String username, String name) {
        UserAccount user = users.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("user", username));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken row = new ApiToken();
        row.user = user;
        row.name = name.strip();
        row.tokenHash = sha256(token);
        row.prefix = token.substring(0, PREFIX_SHOWN);
        entityManager.persist(row);
        entityManager.flush();
        return new CreatedToken(row.id, row.name, row.prefix, row.createdAt, token);
    }

    public List<TokenResponse> list(String username) {
        return entityManager.createQuery("from ApiToken t where t.user.username = :username order by t.id",
                ApiToken.class).setParameter("username", username).getResultList().stream()
                .map(TokenResponse::of).toList();
    }

    /** Revokes one of the user's own tokens; someone else's token is as unknown as a missing one. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean revoke(String username, long id) {
        return entityManager.createQuery("delete from ApiToken t where t.id = :id and t.user.id in "
                + "(select u.id from UserAccount u where u.username = :username)")
                .setParameter("id", id).setParameter("username", username).executeUpdate() > 0;
    }

    /** The identity of the token's user, while the token exists and the user is enabled. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<SecurityIdentity> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return entityManager.createQuery("select t.user.username from ApiToken t where t.tokenHash = :hash",
                String.class).setParameter("hash", sha256(token)).getResultStream().findFirst()
                .flatMap(userService::trusted);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
