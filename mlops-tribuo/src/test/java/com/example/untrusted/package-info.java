/** Test stand-ins for an attacker's classes named in model files; their static initializers must never run. */
package com.example.untrusted;
