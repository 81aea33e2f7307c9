import { describe, expect, it } from "vitest";
import { asksWhyMailBack } from "../dialogs/understand/english-lament.ts";

// The words left besides returned mail, as mentionOf.strip leaves them (lower case, the phrase blanked out).
describe("an English 'why did it come back?' is told from a question with more in it", () => {
  it("asks why, of the user's own mail", () => {
    expect(asksWhyMailBack("why did my email it            to me?")).toBe("own");
    expect(asksWhyMailBack("how come my mail       d?")).toBe("own");
    expect(asksWhyMailBack("why do my emails keep            ?")).toBe("own");
    expect(asksWhyMailBack("why letter            to me?")).toBe("own");
  });

  it("asks why, naming no one's mail, with a particle closing it", () => {
    expect(asksWhyMailBack("why did it           ?")).toBe("any");
    expect(asksWhyMailBack("how come it        one?")).toBe("any");
  });

  it("says more than why", () => {
    expect(asksWhyMailBack("why do i get       s")).toBeUndefined();
    expect(asksWhyMailBack("why did my invoice to the client            ?")).toBeUndefined();
    expect(asksWhyMailBack("my mail            , what do i do?")).toBeUndefined();
    expect(asksWhyMailBack("why 送れない my mail")).toBeUndefined();
  });
});
