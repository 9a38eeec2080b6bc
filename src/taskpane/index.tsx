// Placeholder entry so the build has a task pane; replaced by the real pane (React + Fluent UI v9).
const root = document.getElementById("root");
if (root) root.textContent = "Vlaamse Veerkracht";
export {};
