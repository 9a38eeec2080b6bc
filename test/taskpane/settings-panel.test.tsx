/** @jest-environment jsdom */
/**
 * The Instellingen tab: the meetmoment, with a save button only when a template's stamp differs from it;
 * the language; live validation.
 */
import { fireEvent, screen } from "@testing-library/react";
import { SettingsPanel, type SettingsPanelProps } from "../../src/taskpane/SettingsPanel";
import { nl, renderInPane } from "./fluent";

function propsOf(over: Partial<SettingsPanelProps> = {}): SettingsPanelProps {
  return {
    s: nl,
    status: { kind: "template", version: "1.0", meetmoment: "2022-06-01" },
    busy: false,
    meetmoment: "2022-06-01",
    onMeetmoment: jest.fn(),
    meetmomentSetting: "2022-06-01",
    onSave: jest.fn(),
    lang: "nl",
    onLang: jest.fn(),
    live: true,
    onLive: jest.fn(),
    ...over,
  };
}

const save = () => screen.queryByRole("button", { name: "Meetmoment in de werkmap bewaren" });

it("offers to save the meetmoment only when a template's stamp differs from it", () => {
  const { rerender } = renderInPane(<SettingsPanel {...propsOf()} />);
  expect(save()).toBeNull();
  const p = propsOf({ meetmoment: "2022-12-31", meetmomentSetting: "2022-12-31" });
  rerender(<SettingsPanel {...p} />);
  fireEvent.click(save()!);
  expect(p.onSave).toHaveBeenCalledTimes(1);
  rerender(
    <SettingsPanel {...p} status={{ kind: "convertible", version: null, meetmoment: null }} />
  );
  expect(save()).toBeNull();
});

it("passes on a typed meetmoment, a language and live validation", () => {
  const p = propsOf();
  renderInPane(<SettingsPanel {...p} />);
  fireEvent.change(screen.getByLabelText("Meetmoment"), { target: { value: "2022-09-30" } });
  expect(p.onMeetmoment).toHaveBeenCalledWith("2022-09-30");
  fireEvent.click(screen.getByRole("radio", { name: "English" }));
  expect(p.onLang).toHaveBeenCalledWith("en");
  fireEvent.click(screen.getByRole("switch", { name: "Live validatie" }));
  expect(p.onLive).toHaveBeenCalledWith(false);
});
