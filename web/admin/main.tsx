import { render } from "preact";
import { AdminApp } from "./admin-app.js";

render(<AdminApp />, document.getElementById("app")!);
