/**
 * The task pane's entry point: waits for Office, then renders the pane for the open workbook into
 * `<div id="root">` of taskpane.html. Outside Excel (or when office.js could not load) it says so.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { NotInExcel } from "./NotInExcel";
import { ExcelWorkbench } from "./workbench";
import { missingFeatures } from "../excel/host";

function rootElement(): HTMLElement {
  const root = document.getElementById("root");
  if (!root) throw new Error('taskpane.html has no <div id="root">');
  return root;
}

if (typeof Office === "undefined") {
  createRoot(rootElement()).render(<NotInExcel />);
} else {
  void Office.onReady((info) => {
    // Dutch first, whatever Excel's display language; the pane has an English switch.
    const root = createRoot(rootElement());
    if (String(info.host) !== "Excel") root.render(<NotInExcel />);
    else
      root.render(
        <App workbench={new ExcelWorkbench()} initialLang="nl" missing={missingFeatures()} />
      );
  });
}
