/**
 * The task pane's entry point: waits for Office, then renders the pane for the open workbook into
 * `<div id="root">` of taskpane.html.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { ExcelWorkbench } from "./workbench";

function start(): void {
  const root = document.getElementById("root");
  if (!root) throw new Error('taskpane.html has no <div id="root">');
  // Dutch first, whatever Excel's display language; the pane has an English switch.
  createRoot(root).render(<App workbench={new ExcelWorkbench()} initialLang="nl" />);
}

void Office.onReady(() => start());
