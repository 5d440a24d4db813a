package io.tapecast.cli;

import io.tapecast.gateway.stream.CloseCodes;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every close code the gateway uses is in the table of docs/websocket-api.md, and the CLI knows what to do with it. */
class CloseCodesDocTest {

    static List<Integer> gatewayCodes() throws IllegalAccessException {
        List<Integer> codes = new ArrayList<>();
        for (Field field : CloseCodes.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (!Modifier.isPublic(m) || !Modifier.isStatic(m)) {
                continue;
            }
            if (field.getType() == int.class) {
                codes.add(field.getInt(null));
            } else if (field.getType() == CloseStatus.class) {
                codes.add(((CloseStatus) field.get(null)).getCode());
            }
        }
        return codes;
    }

    @Test
    void everyCloseCodeIsDocumented() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "websocket-api.md"));
        List<Integer> codes = gatewayCodes();
        assertThat(codes).contains(1000, 4404);
        for (int code : codes) {
            assertThat(page).as("close code " + code).contains("| " + code + " |");
        }
    }
}
