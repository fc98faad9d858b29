package org.kiban.resident;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The registry API of one tenant, as a 住民記録 clerk uses it in tests. */
final class RegistryClient {

    final MockMvc mvc;
    final String lg;
    final String clerk;

    RegistryClient(MockMvc mvc, String lg, String clerk) {
        this.mvc = mvc;
        this.lg = lg;
        this.clerk = clerk;
    }

    ResultActions notify(String json) throws Exception {
        return mvc.perform(post("/api/v1/municipalities/" + lg + "/notifications").with(as(clerk))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** Submits a notification that must succeed; returns its result document. */
    DocumentContext accepted(String json) throws Exception {
        var response = notify(json).andReturn().getResponse();
        String body = response.getContentAsString();
        if (response.getStatus() != 201) {
            throw new AssertionError("notification refused (" + response.getStatus() + "): " + body);
        }
        return JsonPath.parse(body);
    }

    ResultActions get(String path, String... params) throws Exception {
        var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/municipalities/" + lg + path).with(as(clerk));
        for (int i = 0; i + 1 < params.length; i += 2) {
            req = req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req);
    }

    DocumentContext json(String path, String... params) throws Exception {
        return JsonPath.parse(get(path, params).andReturn().getResponse().getContentAsString());
    }

    static String atenaNoOf(DocumentContext result, String name) {
        java.util.List<String> found = result.read("$.records[?(@.name == '" + name + "')].atenaNo");
        if (found.isEmpty()) {
            throw new AssertionError("no record for " + name + " in " + result.jsonString());
        }
        return found.get(0);
    }

    static String householdOf(DocumentContext result, String name) {
        java.util.List<String> found = result.read("$.records[?(@.name == '" + name + "')].householdNo");
        return found.get(0);
    }
}
